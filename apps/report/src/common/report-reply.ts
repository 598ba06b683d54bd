import { ReportContract } from '@finstack/contracts';

/** What a handler answers for a pattern, as the contract says: a changed contract breaks the handler at compile time. */
export type ReportReply<P extends keyof ReportContract> = Promise<ReportContract[P]['response']>;
