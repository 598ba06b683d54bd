import { LedgerContract } from '@finstack/contracts';

/** What a handler answers for a pattern, as the contract says: a changed contract breaks the handler at compile time. */
export type LedgerReply<P extends keyof LedgerContract> = Promise<LedgerContract[P]['response']>;
