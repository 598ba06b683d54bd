import { ErrorCode } from '@finstack/contracts';
import { failureOf } from '@finstack/testing';
import { QuoteIngestService } from '../quotes/quote-ingest.service';
import { createPortfolioTestApp, newTicker, newUserId, PortfolioTestApp, quoteAt } from '../testing/portfolio-test-app';
import { WatchlistService } from '../watchlist/watchlist.service';
import { AlertHistoryService } from './alert-history.service';

describe('AlertHistoryService', () => {
  let app: PortfolioTestApp;
  let history: AlertHistoryService;
  let watchlist: WatchlistService;
  let ingestion: QuoteIngestService;
  let user: string;

  beforeAll(async () => {
    app = await createPortfolioTestApp();
    history = app.get(AlertHistoryService);
    watchlist = app.get(WatchlistService);
    ingestion = app.get(QuoteIngestService);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
  });

  /** An entry that fires `times` alerts, re-armed after each, at prices 11, 12, … */
  async function firing(times: number): Promise<string> {
    const ticker = newTicker();
    const entry = await watchlist.add(user, { ticker, targetPrice: '10', direction: 'above' });
    for (let n = 1; n <= times; n += 1) {
      await ingestion.ingest({ quotes: [{ ticker, price: `${10 + n}`, at: quoteAt(n) }] });
      await watchlist.update(user, entry.id, { armed: true });
    }
    return entry.id;
  }

  it('pages through the alerts newest first, each exactly once', async () => {
    const watchId = await firing(5);
    const prices: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await history.list(user, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      prices.push(...page.items.map((alert) => alert.price));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    expect(prices).toEqual(['15.00', '14.00', '13.00', '12.00', '11.00']);
    expect((await history.list(user, {})).items[0]).toEqual({
      id: expect.any(String),
      watchId,
      ticker: expect.any(String),
      direction: 'above',
      targetPrice: '10.00',
      price: '15.00',
      quoteAt: quoteAt(5),
      triggeredAt: expect.stringMatching(/Z$/),
    });
  });

  it('filters by watchlist entry, and keeps an entry’s alerts after it is deleted', async () => {
    const first = await firing(2);
    const second = await firing(1);

    expect((await history.list(user, { watchId: second })).items.map((alert) => alert.watchId)).toEqual([second]);
    expect((await history.list(user, { watchId: first })).items).toHaveLength(2);

    await watchlist.delete(user, first);
    expect((await history.list(user, {})).items.map((alert) => alert.watchId)).toEqual([second, first, first]);
  });

  it('shows nobody else’s alerts, and refuses another user’s entry as a filter like a missing one', async () => {
    const theirs = await firing(1);
    const stranger = newUserId();

    expect(await history.list(stranger, {})).toEqual({ items: [], nextCursor: null });
    const error = await failureOf(history.list(stranger, { watchId: theirs }));
    expect(error).toMatchObject({ code: ErrorCode.WATCH_NOT_FOUND, status: 404 });
  });

  it('refuses a cursor it did not hand out', async () => {
    const error = await failureOf(history.list(user, { cursor: 'not-a-cursor' }));
    expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, status: 400 });
  });
});
