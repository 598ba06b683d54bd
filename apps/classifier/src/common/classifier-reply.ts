import { ClassifierContract } from '@finstack/contracts';

/** What a handler answers for a pattern, as the contract says: a changed contract breaks the handler at compile time. */
export type ClassifierReply<P extends keyof ClassifierContract> = Promise<ClassifierContract[P]['response']>;
