import { ErrorCode } from '@finstack/contracts';
import { valueRows } from '@finstack/database';
import { failureOf } from '@finstack/testing';
import { v7 as uuidv7 } from 'uuid';
import { QuoteIngestService } from '../quotes/quote-ingest.service';
import { createPortfolioTestApp, newTicker, newUserId, PortfolioTestApp, quoteAt } from '../testing/portfolio-test-app';
import { HoldingsService, MAX_HOLDINGS_PER_USER } from './holdings.service';

describe('HoldingsService', () => {
  let app: PortfolioTestApp;
  let holdings: HoldingsService;
  let ingestion: QuoteIngestService;
  let user: string;

  beforeAll(async () => {
    app = await createPortfolioTestApp();
    holdings = app.get(HoldingsService);
    ingestion = app.get(QuoteIngestService);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
  });

  /** A new ticker with one quote; more quotes with `quote`. */
  const quoted = async (price: string, currency = 'USD', at = quoteAt(0)) => {
    const ticker = newTicker();
    await ingestion.ingest({ quotes: [{ ticker, price, at, currency }] });
    return ticker;
  };
  const quote = (ticker: string, price: string, at: string) => ingestion.ingest({ quotes: [{ ticker, price, at }] });

  it('adds holdings, lists them by ticker with their values, and deletes them', async () => {
    const [first, second] = [await quoted('10'), await quoted('20')];
    const b = await holdings.add(user, { ticker: second, quantity: '2' });
    const a = await holdings.add(user, { ticker: first, quantity: '1' });

    const listed = await holdings.list(user);
    expect(listed.items.map((holding) => [holding.ticker, holding.marketValue])).toEqual([
      [first, '10.00'],
      [second, '40.00'],
    ]);
    expect(listed.items[0]).toEqual(a);

    expect(await holdings.delete(user, b.id)).toEqual({ id: b.id });
    expect((await holdings.list(user)).items.map((holding) => holding.id)).toEqual([a.id]);
    expect((await failureOf(holdings.delete(user, b.id))).code).toBe(ErrorCode.HOLDING_NOT_FOUND);
  });

  it('names every holder of a ticker once, whatever the quantity, and no one else', async () => {
    const [ticker, other] = [await quoted('10'), await quoted('20')];
    const [ann, ben] = [newUserId(), newUserId()];
    await holdings.add(ann, { ticker, quantity: '3' });
    await holdings.add(ben, { ticker, quantity: '0' });
    await holdings.add(user, { ticker: other, quantity: '1' });

    expect(await holdings.holdersOf(ticker)).toEqual({ ticker, userIds: [ann, ben].sort() });
    expect(await holdings.holdersOf(newTicker())).toEqual({ ticker: expect.any(String), userIds: [] });
  });

  it('starts at zero shares when no quantity is given', async () => {
    const holding = await holdings.add(user, { ticker: await quoted('5') });
    expect(holding).toMatchObject({ quantity: '0', marketValue: '0.00', averageCost: null, costBasis: null });
  });

  it('refuses a second holding of the same ticker, pointing to the one to edit', async () => {
    const ticker = await quoted('5');
    const existing = await holdings.add(user, { ticker, quantity: '1' });

    const error = await failureOf(holdings.add(user, { ticker, quantity: '3' }));

    expect(error).toMatchObject({ code: ErrorCode.HOLDING_EXISTS, status: 409, details: { id: existing.id } });
    expect(error.message).toContain(`PATCH /api/v1/portfolio/holdings/${existing.id}`);
    expect((await holdings.list(user)).items).toEqual([existing]);
    // Another user may hold the same ticker.
    await expect(holdings.add(newUserId(), { ticker, quantity: '3' })).resolves.toMatchObject({ quantity: '3' });
  });

  it('refuses a ticker without quotes unless told to accept it, and values it once quotes come', async () => {
    const ticker = newTicker();
    const error = await failureOf(holdings.add(user, { ticker, quantity: '2' }));
    expect(error).toMatchObject({ code: ErrorCode.UNKNOWN_TICKER, status: 422, details: { ticker } });
    expect(error.message).toMatch(/allowUnknown/);
    expect((await holdings.list(user)).items).toEqual([]);

    const unquoted = await holdings.add(user, { ticker, quantity: '2', allowUnknown: true });
    expect(unquoted).toMatchObject({ price: null, currency: null, marketValue: null, dayChange: null, unrealisedPnl: null });
    expect((await holdings.list(user)).totals).toEqual([]);

    await quote(ticker, '7.5', quoteAt(1));
    expect((await holdings.list(user)).items[0]).toMatchObject({ price: '7.50', marketValue: '15.00', currency: 'USD' });
  });

  it('values exactly, with no floating point: 3 × 0.1 is 0.30, 1.5 × 100.123456 is 150.185184', async () => {
    const tenth = await holdings.add(user, { ticker: await quoted('0.1'), quantity: '3' });
    const odd = await holdings.add(user, { ticker: await quoted('100.123456'), quantity: '1.5', averageCost: '99.999999' });
    const huge = await holdings.add(user, { ticker: await quoted('0.000001'), quantity: '123456789012.345678', averageCost: '0.000002' });

    expect(tenth).toMatchObject({ quantity: '3', price: '0.10', marketValue: '0.30' });
    expect(odd).toMatchObject({
      quantity: '1.5',
      averageCost: '99.999999',
      marketValue: '150.185184',
      costBasis: '149.9999985',
      unrealisedPnl: '0.1851855',
      unrealisedPnlPct: 0.0012,
    });
    // Beyond what a double holds (2^53): stored and multiplied exactly on both databases.
    expect(huge).toMatchObject({
      quantity: '123456789012.345678',
      marketValue: '123456.789012345678',
      costBasis: '246913.578024691356',
      unrealisedPnl: '-123456.789012345678',
      unrealisedPnlPct: -0.5,
    });
    const listed = await holdings.list(user);
    expect(listed.items).toEqual(expect.arrayContaining([tenth, odd, huge]));
    expect(listed.totals).toEqual([
      {
        currency: 'USD',
        marketValue: '123607.274196345678',
        dayChange: '0.00',
        costBasis: '247063.578023191356',
        unrealisedPnl: '-123456.603826845678',
      },
    ]);
  });

  it('shows the day change against the previous UTC day’s last price, and totals per currency', async () => {
    const usd = await quoted('100', 'USD', quoteAt(0, 14));
    const eur = await quoted('50', 'EUR', quoteAt(0, 14));
    await quote(usd, '104', quoteAt(30, 14)); // the 14th closes at 104
    await quote(usd, '101', quoteAt(0, 15));
    await holdings.add(user, { ticker: usd, quantity: '10', averageCost: '90' });
    await holdings.add(user, { ticker: eur, quantity: '4' });

    const { items: listed, totals } = await holdings.list(user);

    expect(listed.find((holding) => holding.ticker === usd)).toMatchObject({
      price: '101.00',
      priceAt: quoteAt(0, 15),
      marketValue: '1010.00',
      dayChange: '-30.00',
      dayChangePct: -0.0288,
      costBasis: '900.00',
      unrealisedPnl: '110.00',
      unrealisedPnlPct: 0.1222,
    });
    // No earlier day quoted yet: no day change to show.
    expect(listed.find((holding) => holding.ticker === eur)).toMatchObject({ currency: 'EUR', dayChange: null, dayChangePct: null });
    expect(totals).toEqual([
      { currency: 'EUR', marketValue: '200.00', dayChange: '0.00', costBasis: '0.00', unrealisedPnl: '0.00' },
      { currency: 'USD', marketValue: '1010.00', dayChange: '-30.00', costBasis: '900.00', unrealisedPnl: '110.00' },
    ]);
  });

  it('updates the quantity and the average cost; null clears the cost; an empty update is refused', async () => {
    const created = await holdings.add(user, { ticker: await quoted('10'), quantity: '1', averageCost: '8' });

    const updated = await holdings.update(user, created.id, { quantity: '2.5', averageCost: null });

    expect(updated).toMatchObject({ id: created.id, quantity: '2.5', averageCost: null, marketValue: '25.00', costBasis: null });
    expect((await holdings.list(user)).items).toEqual([updated]);
    expect(await holdings.update(user, created.id, { averageCost: '12' })).toMatchObject({ quantity: '2.5', unrealisedPnl: '-5.00' });
    expect((await failureOf(holdings.update(user, created.id, {}))).code).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('treats another user’s holding as not found, exactly like a missing one, and leaves it alone', async () => {
    const owner = newUserId();
    const theirs = await holdings.add(owner, { ticker: await quoted('3'), quantity: '1' });

    for (const id of [theirs.id, uuidv7()]) {
      const update = await failureOf(holdings.update(user, id, { quantity: '9' }));
      const removal = await failureOf(holdings.delete(user, id));
      expect([update, removal].map((error) => [error.code, error.status, error.message])).toEqual([
        [ErrorCode.HOLDING_NOT_FOUND, 404, `holding ${id} not found`],
        [ErrorCode.HOLDING_NOT_FOUND, 404, `holding ${id} not found`],
      ]);
    }
    expect((await holdings.list(owner)).items).toEqual([theirs]);
    expect((await holdings.list(user)).items).toEqual([]);
  });

  it(`keeps a portfolio to ${MAX_HOLDINGS_PER_USER} holdings`, async () => {
    const at = '2025-03-14 09:00:00.000';
    const rows = Array.from({ length: MAX_HOLDINGS_PER_USER }, (_, n) => [uuidv7(), user, `H${n}`, 0, at, at]);
    await app.dataSource.query(
      `INSERT INTO holdings (id, user_id, ticker, quantity_micro, created_at, updated_at) VALUES ${valueRows(rows.length, 6)}`,
      rows.flat(),
    );
    const error = await failureOf(holdings.add(user, { ticker: newTicker(), allowUnknown: true }));
    expect(error).toMatchObject({ code: ErrorCode.CONFLICT, status: 409 });
  });
});
