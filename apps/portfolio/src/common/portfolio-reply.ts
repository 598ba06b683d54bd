import { PortfolioContract } from '@finstack/contracts';

/** What a handler answers for a pattern, as the contract says: a changed contract breaks the handler at compile time. */
export type PortfolioReply<P extends keyof PortfolioContract> = Promise<PortfolioContract[P]['response']>;
