import { VarContract } from '@finstack/contracts';

/** What a handler answers for a pattern, as the contract says: a changed contract breaks the handler at compile time. */
export type VarReply<P extends keyof VarContract> = Promise<VarContract[P]['response']>;
