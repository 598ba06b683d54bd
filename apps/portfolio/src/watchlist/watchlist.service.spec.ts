import { ErrorCode } from '@finstack/contracts';
import { failureOf } from '@finstack/testing';
import { v7 as uuidv7 } from 'uuid';
import { QuoteIngestService } from '../quotes/quote-ingest.service';
import { createPortfolioTestApp, newTicker, newUserId, PortfolioTestApp, quoteAt } from '../testing/portfolio-test-app';
import { WatchlistService } from './watchlist.service';

describe('WatchlistService', () => {
  let app: PortfolioTestApp;
  let watchlist: WatchlistService;
  let ingestion: QuoteIngestService;
  let user: string;

  beforeAll(async () => {
    app = await createPortfolioTestApp();
    watchlist = app.get(WatchlistService);
    ingestion = app.get(QuoteIngestService);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
  });

  it('adds armed entries, even for a ticker without quotes yet, and lists them in the order added', async () => {
    const [first, second] = [newTicker(), newTicker()];
    const a = await watchlist.add(user, { ticker: first, targetPrice: '200', direction: 'above', note: 'sell half' });
    const b = await watchlist.add(user, { ticker: second, targetPrice: '0.5', direction: 'below' });
    await watchlist.add(newUserId(), { ticker: first, targetPrice: '1', direction: 'above' });

    expect(a).toEqual({
      id: expect.any(String),
      ticker: first,
      targetPrice: '200.00',
      direction: 'above',
      note: 'sell half',
      armed: true,
      lastTriggeredAt: null,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: a.createdAt,
    });
    expect(b).toMatchObject({ targetPrice: '0.50', note: null });
    expect(await watchlist.list(user)).toEqual([a, b]);
    expect(await watchlist.get(user, a.id)).toEqual(a);
  });

  it('edits the note alone without re-arming; null clears it; an empty edit is refused', async () => {
    const ticker = newTicker();
    const entry = await watchlist.add(user, { ticker, targetPrice: '10', direction: 'above', note: 'x' });
    await ingestion.ingest({ quotes: [{ ticker, price: '10', at: quoteAt(0) }] });
    expect(await watchlist.get(user, entry.id)).toMatchObject({ armed: false, lastTriggeredAt: expect.stringMatching(/Z$/) });

    const edited = await watchlist.update(user, entry.id, { note: null });

    expect(edited).toMatchObject({ note: null, armed: false, targetPrice: '10.00' });
    expect(await watchlist.get(user, entry.id)).toEqual(edited);
    expect((await failureOf(watchlist.update(user, entry.id, {}))).code).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('re-arms a fired entry on a new target, a new direction, or armed: true', async () => {
    const ticker = newTicker();
    const entry = await watchlist.add(user, { ticker, targetPrice: '10', direction: 'above' });
    const fire = async (minute: number, price: string) => {
      const { alertsTriggered } = await ingestion.ingest({ quotes: [{ ticker, price, at: quoteAt(minute) }] });
      expect(alertsTriggered).toBe(1);
      expect(await watchlist.get(user, entry.id)).toMatchObject({ armed: false });
    };

    await fire(0, '10');
    expect(await watchlist.update(user, entry.id, { targetPrice: '9.5' })).toMatchObject({ armed: true, targetPrice: '9.50' });
    await fire(1, '10');
    expect(await watchlist.update(user, entry.id, { direction: 'below' })).toMatchObject({ armed: true, direction: 'below' });
    await fire(2, '9');
    expect(await watchlist.update(user, entry.id, { armed: true })).toMatchObject({ armed: true, direction: 'below', targetPrice: '9.50' });
  });

  it('deletes an entry', async () => {
    const entry = await watchlist.add(user, { ticker: newTicker(), targetPrice: '1', direction: 'below' });
    expect(await watchlist.delete(user, entry.id)).toEqual({ id: entry.id });
    expect(await watchlist.list(user)).toEqual([]);
    expect((await failureOf(watchlist.get(user, entry.id))).code).toBe(ErrorCode.WATCH_NOT_FOUND);
  });

  it('treats another user’s entry as not found, exactly like a missing one, and leaves it alone', async () => {
    const owner = newUserId();
    const theirs = await watchlist.add(owner, { ticker: newTicker(), targetPrice: '5', direction: 'above' });

    for (const id of [theirs.id, uuidv7()]) {
      const failures = await Promise.all([
        failureOf(watchlist.get(user, id)),
        failureOf(watchlist.update(user, id, { targetPrice: '6' })),
        failureOf(watchlist.delete(user, id)),
      ]);
      expect(failures.map((error) => [error.code, error.status, error.message])).toEqual(
        Array(3).fill([ErrorCode.WATCH_NOT_FOUND, 404, `watchlist entry ${id} not found`]),
      );
    }
    expect(await watchlist.list(owner)).toEqual([theirs]);
    expect(await watchlist.list(user)).toEqual([]);
  });
});
