import {
  AlertTriggeredPayload,
  DomainEvent,
  ErrorCode,
  EVENT_TYPES,
  MAX_QUOTES_PER_BATCH,
  PriceChangedPayload,
  QuoteInput,
} from '@finstack/contracts';
import { pendingEvents } from '@finstack/outbox';
import { failureOf } from '@finstack/testing';
import { AlertHistoryService } from '../alerts/alert-history.service';
import { PORTFOLIO_OUTBOX } from '../common/portfolio-sql';
import { createPortfolioTestApp, newTicker, newUserId, PortfolioTestApp, quoteAt } from '../testing/portfolio-test-app';
import { WatchlistService } from '../watchlist/watchlist.service';
import { crossingQueries } from './crossing-query';
import { QuoteIngestService } from './quote-ingest.service';
import { QuotesService } from './quotes.service';

describe('QuoteIngestService', () => {
  let app: PortfolioTestApp;
  let ingestion: QuoteIngestService;
  let quotes: QuotesService;
  let watchlist: WatchlistService;
  let alerts: AlertHistoryService;
  let user: string;
  let ticker: string;

  beforeAll(async () => {
    app = await createPortfolioTestApp();
    ingestion = app.get(QuoteIngestService);
    quotes = app.get(QuotesService);
    watchlist = app.get(WatchlistService);
    alerts = app.get(AlertHistoryService);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
    ticker = newTicker();
  });

  const ingest = (...batch: QuoteInput[]) => ingestion.ingest({ quotes: batch });
  const at = (minute: number, price: string): QuoteInput => ({ ticker, price, at: quoteAt(minute) });
  const watch = (direction: 'above' | 'below', targetPrice: string, owner = user) =>
    watchlist.add(owner, { ticker, targetPrice, direction });
  const history = async (owner = user) => (await alerts.list(owner, { limit: 200 })).items;
  const outboxSize = async () => Number((await app.dataSource.query(`SELECT COUNT(*) AS n FROM ${PORTFOLIO_OUTBOX}`))[0].n);
  /** The newest `count` events of the outbox, oldest first (nothing relays them in these tests). */
  const newestEvents = async (count: number): Promise<DomainEvent[]> => (await pendingEvents(app.dataSource.manager, PORTFOLIO_OUTBOX, 100_000)).slice(-count);

  it('fires an "above" entry once, when a quote reaches its target, and again only after re-arming', async () => {
    const entry = await watch('above', '110');

    expect(await ingest(at(0, '100'))).toEqual({ accepted: 1, ignored: 0, alertsTriggered: 0 });
    expect(await ingest(at(1, '110'))).toEqual({ accepted: 1, ignored: 0, alertsTriggered: 1 });
    expect(await ingest(at(2, '120'))).toEqual({ accepted: 1, ignored: 0, alertsTriggered: 0 });
    expect(await watchlist.get(user, entry.id)).toMatchObject({ armed: false, lastTriggeredAt: expect.stringMatching(/Z$/) });

    await watchlist.update(user, entry.id, { armed: true });
    expect(await ingest(at(3, '121'))).toMatchObject({ alertsTriggered: 1 });

    expect(await history()).toEqual([
      expect.objectContaining({ watchId: entry.id, ticker, direction: 'above', targetPrice: '110.00', price: '121.00', quoteAt: quoteAt(3) }),
      expect.objectContaining({ watchId: entry.id, ticker, direction: 'above', targetPrice: '110.00', price: '110.00', quoteAt: quoteAt(1) }),
    ]);
  });

  it('fires "below" entries when the price falls to their target, and leaves entries out of reach armed', async () => {
    const falling = await watch('below', '95.5');
    const far = await watch('below', '50');
    const rising = await watch('above', '101');
    await ingest(at(0, '100'));

    expect(await ingest(at(1, '95.500001'))).toMatchObject({ alertsTriggered: 0 });
    expect(await ingest(at(2, '95.5'))).toMatchObject({ alertsTriggered: 1 });

    expect(await history()).toEqual([expect.objectContaining({ watchId: falling.id, direction: 'below', price: '95.50' })]);
    expect((await watchlist.list(user)).map((entry) => [entry.id, entry.armed])).toEqual([
      [falling.id, false],
      [far.id, true],
      [rising.id, true],
    ]);
  });

  it('credits each alert to the first quote in time that reached it, whatever order the batch lists them in', async () => {
    const at110 = await watch('above', '110');
    const at125 = await watch('above', '125');
    const at108 = await watch('below', '108');
    const at90 = await watch('below', '90');
    const someoneElse = newUserId();
    const theirs = await watch('above', '111', someoneElse);

    const result = await ingest(at(3, '130'), at(1, '105'), at(2, '115'), at(4, '100'));

    expect(result).toEqual({ accepted: 4, ignored: 0, alertsTriggered: 4 });
    const fired = (await history()).map((alert) => [alert.watchId, alert.price, alert.quoteAt]);
    expect(fired).toEqual(
      expect.arrayContaining([
        [at108.id, '105.00', quoteAt(1)],
        [at110.id, '115.00', quoteAt(2)],
        [at125.id, '130.00', quoteAt(3)],
      ]),
    );
    expect(fired).toHaveLength(3);
    expect(await history(someoneElse)).toEqual([expect.objectContaining({ watchId: theirs.id, price: '115.00' })]);
    expect(await watchlist.get(user, at90.id)).toMatchObject({ armed: true });
    expect(await quotes.get(ticker)).toMatchObject({ price: '100.00', at: quoteAt(4) });
  });

  it('ignores quotes not newer than the stored one: the stored price stays, and they fire nothing', async () => {
    const entry = await watch('below', '45');
    await ingest(at(10, '50'));

    const result = await ingest(at(5, '40'), at(10, '44'), at(11, '55'));

    expect(result).toEqual({ accepted: 1, ignored: 2, alertsTriggered: 0 });
    expect(await quotes.get(ticker)).toMatchObject({ price: '55.00', at: quoteAt(11) });
    expect(await watchlist.get(user, entry.id)).toMatchObject({ armed: true });
    expect(await ingest(at(9, '1'))).toEqual({ accepted: 0, ignored: 1, alertsTriggered: 0 });
    const [changed] = await newestEvents(1);
    expect(changed.payload).toMatchObject({ ticker, price: '55.00', previous: '50.00' });
  });

  it('shows the last price of the latest earlier UTC day as the previous close', async () => {
    await ingest(at(0, '100'));
    expect(await quotes.get(ticker)).toEqual({
      ticker,
      price: '100.00',
      currency: 'USD',
      at: quoteAt(0),
      previousClose: null,
      change: null,
      changePct: null,
    });
    await ingest(at(30, '104'), { ticker, price: '101', at: quoteAt(0, 15) });
    expect(await quotes.get(ticker)).toMatchObject({ price: '101.00', previousClose: '104.00', change: '-3.00', changePct: -0.0288 });
    await ingest({ ticker, price: '102.5', at: quoteAt(60, 15) });
    expect(await quotes.get(ticker)).toMatchObject({ previousClose: '104.00', change: '-1.50' });
    // Nothing on the 16th: the 15th closed at 102.5.
    await ingest({ ticker, price: '99', at: quoteAt(0, 17), currency: 'EUR' });
    expect(await quotes.get(ticker)).toMatchObject({ currency: 'EUR', previousClose: '102.50', change: '-3.50', changePct: -0.0341 });

    const error = await failureOf(quotes.get(newTicker()));
    expect(error).toMatchObject({ code: ErrorCode.QUOTE_NOT_FOUND, status: 404 });
  });

  it('writes an event to the outbox for every accepted quote and every alert', async () => {
    const entry = await watch('above', '12');
    const before = await outboxSize();

    const result = await ingest(at(0, '10'), at(2, '12.5'), at(1, '11'), at(2, '13'));

    expect(result).toEqual({ accepted: 3, ignored: 1, alertsTriggered: 1 });
    expect((await outboxSize()) - before).toBe(result.accepted + result.alertsTriggered);
    const [alert] = await history();
    const events = await newestEvents(4);
    expect(events.map((event) => [event.type, event.userId, event.payload])).toEqual([
      [EVENT_TYPES.priceChanged, undefined, { ticker, price: '10.00', previous: null, changePct: null, currency: 'USD', at: quoteAt(0) } satisfies PriceChangedPayload],
      [EVENT_TYPES.priceChanged, undefined, { ticker, price: '11.00', previous: '10.00', changePct: 0.1, currency: 'USD', at: quoteAt(1) }],
      [EVENT_TYPES.priceChanged, undefined, { ticker, price: '12.50', previous: '11.00', changePct: 0.1364, currency: 'USD', at: quoteAt(2) }],
      [
        EVENT_TYPES.alertTriggered,
        user,
        {
          alertId: alert.id,
          watchId: entry.id,
          ticker,
          direction: 'above',
          targetPrice: '12.00',
          price: '12.50',
          at: quoteAt(2),
        } satisfies AlertTriggeredPayload,
      ],
    ]);
    expect(new Set(events.map((event) => event.id)).size).toBe(4);
  });

  it('stores nothing of a batch that fails: no price, no alert, no disarmed entry, no event', async () => {
    const entry = await watch('above', '20');
    await ingest(at(0, '10'));
    const before = await outboxSize();
    const rename = (from: string, to: string) => app.dataSource.query(`ALTER TABLE ${from} RENAME TO ${to}`);

    // The outbox is the batch's last write: without its table, the batch fails after everything else was written.
    await rename(PORTFOLIO_OUTBOX, 'portfolio_outbox_away');
    try {
      await expect(ingest(at(1, '25'))).rejects.toThrow();
    } finally {
      await rename('portfolio_outbox_away', PORTFOLIO_OUTBOX);
    }

    expect(await quotes.get(ticker)).toMatchObject({ price: '10.00', at: quoteAt(0) });
    expect(await history()).toEqual([]);
    expect(await watchlist.get(user, entry.id)).toMatchObject({ armed: true, lastTriggeredAt: null });
    expect(await outboxSize()).toBe(before);
    // The same batch goes through once the outbox is back.
    expect(await ingest(at(1, '25'))).toEqual({ accepted: 1, ignored: 0, alertsTriggered: 1 });
    expect((await outboxSize()) - before).toBe(2);
  });

  it('refuses a whole batch with a quote from the future or before 1970, naming it', async () => {
    const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000).toISOString();
    const error = await failureOf(ingest(at(0, '10'), { ticker, price: '11', at: tomorrow }, { ticker, price: '1', at: '1969-12-31T23:59:59Z' }));

    expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, status: 400 });
    expect((error.details as { field: string }[]).map((detail) => detail.field)).toEqual(['body.quotes.1.at', 'body.quotes.2.at']);
    expect((await failureOf(quotes.get(ticker))).code).toBe(ErrorCode.QUOTE_NOT_FOUND);
  });

  it('takes a full batch of 1000 tickers in one go, checking each against the watchlist', async () => {
    const tickers = Array.from({ length: MAX_QUOTES_PER_BATCH }, () => newTicker());
    const above = await watchlist.add(user, { ticker: tickers[999], targetPrice: '2', direction: 'above' });
    const below = await watchlist.add(user, { ticker: tickers[0], targetPrice: '0.5', direction: 'below' });

    const result = await ingestion.ingest({ quotes: tickers.map((name, n) => ({ ticker: name, price: n === 0 ? '0.5' : '2', at: quoteAt(0) })) });

    expect(result).toEqual({ accepted: 1000, ignored: 0, alertsTriggered: 2 });
    expect((await history()).map((alert) => alert.watchId).sort()).toEqual([above.id, below.id].sort());
    expect(await quotes.get(tickers[500])).toMatchObject({ price: '2.00' });
  });

  it('lets concurrent batches quoting one ticker take turns: the newest price wins and an entry fires once', async () => {
    const fresh = newTicker(); // no stored quote yet: the batches race to create it
    const entry = await watchlist.add(user, { ticker: fresh, targetPrice: '10', direction: 'above' });
    const minutes = [3, 1, 4, 0, 2];

    const results = await Promise.all(minutes.map((minute) => ingestion.ingest({ quotes: [{ ticker: fresh, price: `${10 + minute}`, at: quoteAt(minute) }] })));

    expect(results.reduce((sum, result) => sum + result.accepted + result.ignored, 0)).toBe(5);
    expect(results.reduce((sum, result) => sum + result.alertsTriggered, 0)).toBe(1);
    expect(await quotes.get(fresh)).toMatchObject({ price: '14.00', at: quoteAt(4) });
    expect(await history()).toEqual([expect.objectContaining({ watchId: entry.id })]);
  });

  it('finds the crossed entries with ranges of the crossing index, not a scan', async () => {
    const other = newTicker();
    const statements = crossingQueries(
      [
        { ticker, direction: 'above', bound: 10n },
        { ticker, direction: 'below', bound: 9n },
        { ticker: other, direction: 'above', bound: 5n },
        { ticker: other, direction: 'below', bound: 4n },
      ],
      { lock: false },
    );
    expect(statements).toHaveLength(2); // one per direction
    for (const { sql, params } of statements) {
      if (app.dialect === 'sqlite') {
        const plan: { detail: string }[] = await app.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params);
        const reads = plan.map((step) => step.detail).filter((step) => /^(SEARCH|SCAN)/.test(step));
        expect(reads).toEqual(
          Array(2).fill(
            expect.stringMatching(/^SEARCH watchlist_entries USING INDEX IDX_watchlist_crossing \(ticker=\? AND direction=\? AND armed=\? AND target_micro[<>]\?\)$/),
          ),
        );
      } else {
        const [plan] = await app.dataSource.query(`EXPLAIN ${sql}`, params);
        expect(plan).toMatchObject({ type: 'range', key: 'IDX_watchlist_crossing' });
      }
    }
  });
});
