import { HoldingsView, HoldingView } from '@finstack/contracts';
import { atClose, backend, usePortfolioStack } from './portfolio-test-helpers';

describe(`a wallet of holdings: add, value, change, delete (${backend})`, () => {
  const portfolio = usePortfolioStack('pf_holdings');

  beforeAll(async () => {
    await portfolio.quote(
      { ticker: 'AAPL', price: '187.50', at: atClose('2025-03-13') },
      { ticker: 'AAPL', price: '189.84', at: atClose('2025-03-14') },
    );
  });

  it('adds a holding of a quoted ticker, valued exactly at the latest quote', async () => {
    const user = await portfolio.newUser();
    const added = await user.post<HoldingView>('/portfolio/holdings', { ticker: 'aapl', quantity: '3.333333', averageCost: '150.25' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ticker: 'AAPL',
      quantity: '3.333333',
      averageCost: '150.25',
      currency: 'USD',
      price: '189.84',
      // 3.333333 × 189.84, 3.333333 × 150.25 and their difference: not a cent rounded away.
      marketValue: '632.79993672',
      costBasis: '500.83328325',
      unrealisedPnl: '131.96665347',
      // 3.333333 × (189.84 − 187.50), against the previous day's close.
      dayChange: '7.79999922',
    });
    expect(new Date(added.body.priceAt!).toISOString()).toBe('2025-03-14T20:00:00.000Z');
    expect(added.body.unrealisedPnlPct).toBeCloseTo(0.2635, 4);
    expect(added.body.dayChangePct).toBeCloseTo(0.0125, 4);

    const listed = await user.get<HoldingsView>('/portfolio/holdings');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([added.body]);
    expect(listed.body.totals).toEqual([
      { currency: 'USD', marketValue: '632.79993672', dayChange: '7.79999922', costBasis: '500.83328325', unrealisedPnl: '131.96665347' },
    ]);
  });

  it('refuses a second holding of the same ticker with 409, pointing to PATCH', async () => {
    const user = await portfolio.newUser();
    const first = await user.post<HoldingView>('/portfolio/holdings', { ticker: 'AAPL', quantity: '1' });
    expect(first.status).toBe(201);
    const again = await user.post('/portfolio/holdings', { ticker: ' aapl ', quantity: '2' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'HOLDING_EXISTS', details: { id: first.body.id } });
    expect(again.body.message).toContain(`PATCH /api/v1/portfolio/holdings/${first.body.id}`);
    const listed = await user.get<HoldingsView>('/portfolio/holdings');
    expect(listed.body.items.map((holding) => holding.quantity)).toEqual(['1']);
  });

  it('refuses a ticker without quotes with 422, unless allowUnknown; a quote then values it', async () => {
    const user = await portfolio.newUser();
    const refused = await user.post('/portfolio/holdings', { ticker: 'MSFT', quantity: '12.5' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'UNKNOWN_TICKER' });
    expect(String(refused.body.message)).toMatch(/MSFT/);

    const added = await user.post<HoldingView>('/portfolio/holdings', { ticker: 'MSFT', quantity: '12.5', allowUnknown: true });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ ticker: 'MSFT', quantity: '12.5', averageCost: null, price: null, marketValue: null, currency: null });

    await portfolio.quote({ ticker: 'MSFT', price: '410.10', at: atClose('2025-03-14') });
    const listed = await user.get<HoldingsView>('/portfolio/holdings');
    expect(listed.body.items).toEqual([
      expect.objectContaining({ ticker: 'MSFT', price: '410.10', marketValue: '5126.25', costBasis: null, unrealisedPnl: null, dayChange: null }),
    ]);
  });

  it('sums holdings per currency, and changes a holding with PATCH', async () => {
    const user = await portfolio.newUser();
    await portfolio.quote(
      { ticker: 'SAP', price: '250.00', currency: 'EUR', at: atClose('2025-03-14') },
      { ticker: 'MSFT', price: '410.10', at: atClose('2025-03-14') }, // ignored when the test before posted it already
    );
    const apple = await user.post<HoldingView>('/portfolio/holdings', { ticker: 'AAPL', quantity: '2', averageCost: '100' });
    await user.post('/portfolio/holdings', { ticker: 'SAP', quantity: '4' });
    await user.post('/portfolio/holdings', { ticker: 'MSFT', quantity: '1', allowUnknown: true });

    const before = await user.get<HoldingsView>('/portfolio/holdings');
    expect(before.body.totals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ currency: 'USD', marketValue: '789.78', costBasis: '200.00' }), // 2 × 189.84 + 410.10
        expect.objectContaining({ currency: 'EUR', marketValue: '1000.00', costBasis: '0.00' }),
      ]),
    );
    expect(before.body.totals).toHaveLength(2);

    const changed = await user.patch<HoldingView>(`/portfolio/holdings/${apple.body.id}`, { quantity: '0.5', averageCost: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ quantity: '0.5', averageCost: null, marketValue: '94.92', costBasis: null, unrealisedPnl: null });
  });

  it('deletes a holding: gone from the list, and a second delete is a 404', async () => {
    const user = await portfolio.newUser();
    const added = await user.post<HoldingView>('/portfolio/holdings', { ticker: 'AAPL', quantity: '1' });
    const removed = await user.delete(`/portfolio/holdings/${added.body.id}`);
    expect(removed.status).toBe(204);
    expect((await user.get<HoldingsView>('/portfolio/holdings')).body).toEqual({ items: [], nextCursor: null, totals: [] });
    const again = await user.delete(`/portfolio/holdings/${added.body.id}`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ code: 'HOLDING_NOT_FOUND' });
    const patched = await user.patch(`/portfolio/holdings/${added.body.id}`, { quantity: '2' });
    expect(patched.body).toMatchObject({ statusCode: 404, code: 'HOLDING_NOT_FOUND' });
  });
});
