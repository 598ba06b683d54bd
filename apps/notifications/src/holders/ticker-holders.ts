import { PORTFOLIO, PortfolioContract } from '@finstack/contracts';
import { InjectRpcClient, RpcClient } from '@finstack/rpc';
import { Injectable } from '@nestjs/common';
import { NotificationsEnv } from '../notifications-env';

export const PORTFOLIO_SERVICE = 'portfolio';

/** Tickers remembered at most; a popular set is far smaller. */
const CAPACITY = 10_000;

/**
 * The users holding a ticker, asked of the portfolio and reused for
 * HOLDERS_CACHE_MS: a burst of quotes for one ticker costs one call. Calls
 * for a ticker already under way are shared. A portfolio that cannot answer
 * fails the lookup, so the event is not acknowledged and comes again.
 */
@Injectable()
export class TickerHolders {
  private readonly cache = new Map<string, { userIds: Promise<string[]>; expiresAt: number }>();

  constructor(
    @InjectRpcClient(PORTFOLIO_SERVICE) private readonly portfolio: RpcClient<PortfolioContract>,
    private readonly env: NotificationsEnv,
  ) {}

  /** Forgets every cached holder list (an account was deleted: it must not get a ticker's pushes for as long as the cache lives). */
  clear(): number {
    const size = this.cache.size;
    this.cache.clear();
    return size;
  }

  /** The holders' user ids, sorted (as JavaScript compares strings). */
  holdersOf(ticker: string): Promise<string[]> {
    const cached = this.cache.get(ticker);
    if (cached && cached.expiresAt > Date.now()) return cached.userIds;
    const userIds = this.portfolio.send(PORTFOLIO.listHolders, { params: { ticker } }).then((reply) => [...reply.userIds].sort());
    this.cache.delete(ticker);
    this.cache.set(ticker, { userIds, expiresAt: Date.now() + this.env.HOLDERS_CACHE_MS });
    if (this.cache.size > CAPACITY) this.cache.delete(this.cache.keys().next().value as string);
    // A failed lookup is not kept: the next delivery asks again.
    userIds.catch(() => {
      if (this.cache.get(ticker)?.userIds === userIds) this.cache.delete(ticker);
    });
    return userIds;
  }
}
