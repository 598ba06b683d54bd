import { AlertPage, WatchView } from '@finstack/contracts';
import { atClose, backend, PortfolioUser, usePortfolioStack } from './portfolio-test-helpers';

describe(`a watchlist: targets crossed both ways, one alert until re-armed (${backend})`, () => {
  const portfolio = usePortfolioStack('pf_watch');
  /** Quotes of one ticker on consecutive days from 2025-01-02, in one request each. */
  const quoteDays = async (ticker: string, firstDay: number, ...prices: string[]): Promise<number[]> => {
    const fired: number[] = [];
    for (const [offset, price] of prices.entries()) {
      const at = atClose(`2025-01-${String(firstDay + offset).padStart(2, '0')}`);
      fired.push((await portfolio.quote({ ticker, price, at })).alertsTriggered);
    }
    return fired;
  };
  const watch = async (user: PortfolioUser, body: Record<string, unknown>): Promise<WatchView> => {
    const created = await user.post<WatchView>('/watchlist', body);
    expect(created.status).toBe(201);
    return created.body;
  };

  it('fires an "above" alert once when a quote reaches the target, and again only after re-arming', async () => {
    const user = await portfolio.newUser();
    await quoteDays('UPCO', 2, '95.00');
    const entry = await watch(user, { ticker: 'upco', targetPrice: '100.00', direction: 'above', note: 'take profit' });
    expect(entry).toMatchObject({ ticker: 'UPCO', targetPrice: '100.00', direction: 'above', note: 'take profit', armed: true, lastTriggeredAt: null });

    expect(await quoteDays('UPCO', 3, '99.99', '100.00', '105.00', '98.00', '101.00')).toEqual([0, 1, 0, 0, 0]);
    const fired = await user.get<WatchView>(`/watchlist/${entry.id}`);
    expect(fired.body).toMatchObject({ armed: false });
    expect(new Date(fired.body.lastTriggeredAt!).toISOString()).toMatch(/^\d{4}-/);

    const rearmed = await user.patch<WatchView>(`/watchlist/${entry.id}`, { armed: true });
    expect(rearmed.status).toBe(200);
    expect(rearmed.body).toMatchObject({ armed: true, targetPrice: '100.00' });
    expect(await quoteDays('UPCO', 8, '97.00', '100.50')).toEqual([0, 1]);

    const history = await user.get<AlertPage>('/watchlist/alerts');
    expect(history.status).toBe(200);
    expect(history.body.items.map(({ price, direction, targetPrice, ticker, watchId }) => ({ price, direction, targetPrice, ticker, watchId }))).toEqual([
      { price: '100.50', direction: 'above', targetPrice: '100.00', ticker: 'UPCO', watchId: entry.id },
      { price: '100.00', direction: 'above', targetPrice: '100.00', ticker: 'UPCO', watchId: entry.id },
    ]);
    expect(new Date(history.body.items[0].quoteAt).toISOString()).toBe('2025-01-09T20:00:00.000Z');
    expect(history.body.nextCursor).toBeNull();
  });

  it('fires a "below" alert when a quote falls to the target', async () => {
    const user = await portfolio.newUser();
    await quoteDays('DNCO', 2, '50.00');
    const entry = await watch(user, { ticker: 'DNCO', targetPrice: '45.50', direction: 'below' });
    expect(await quoteDays('DNCO', 3, '46.00', '45.50', '40.00', '60.00')).toEqual([0, 1, 0, 0]);
    const alerts = await user.get<AlertPage>(`/watchlist/alerts?watchId=${entry.id}`);
    expect(alerts.body.items).toEqual([expect.objectContaining({ direction: 'below', targetPrice: '45.50', price: '45.50' })]);
  });

  it('fires once for a batch that crosses the target several times', async () => {
    const user = await portfolio.newUser();
    await quoteDays('BTCH', 2, '10.00');
    const entry = await watch(user, { ticker: 'BTCH', targetPrice: '12.00', direction: 'above' });
    const result = await portfolio.quote(
      { ticker: 'BTCH', price: '12.10', at: atClose('2025-01-03') },
      { ticker: 'BTCH', price: '11.00', at: atClose('2025-01-04') },
      { ticker: 'BTCH', price: '13.00', at: atClose('2025-01-05') },
    );
    expect(result).toEqual({ accepted: 3, ignored: 0, alertsTriggered: 1 });
    const alerts = await user.get<AlertPage>(`/watchlist/alerts?watchId=${entry.id}`);
    expect(alerts.body.items.map((alert) => alert.price)).toEqual(['12.10']);
  });

  it('re-arms an entry whose target changes, and alerts every watcher of a ticker', async () => {
    const [ann, ben] = [await portfolio.newUser('ann'), await portfolio.newUser('ben')];
    await quoteDays('TWO', 2, '20.00');
    const annEntry = await watch(ann, { ticker: 'TWO', targetPrice: '21.00', direction: 'above' });
    await watch(ben, { ticker: 'TWO', targetPrice: '20.50', direction: 'above' });
    expect(await quoteDays('TWO', 3, '21.00')).toEqual([2]);

    const moved = await ann.patch<WatchView>(`/watchlist/${annEntry.id}`, { targetPrice: '22.00' });
    expect(moved.body).toMatchObject({ targetPrice: '22.00', armed: true });
    expect(await quoteDays('TWO', 4, '21.50', '22.25')).toEqual([0, 1]);
    expect((await ann.get<AlertPage>('/watchlist/alerts')).body.items.map((alert) => alert.targetPrice)).toEqual(['22.00', '21.00']);
    expect((await ben.get<AlertPage>('/watchlist/alerts')).body.items.map((alert) => alert.targetPrice)).toEqual(['20.50']);
  });

  it('pages the alert history by cursor, newest first', async () => {
    const user = await portfolio.newUser();
    await quoteDays('PAGE', 2, '1.00');
    const entry = await watch(user, { ticker: 'PAGE', targetPrice: '2.00', direction: 'above' });
    for (const [day, price] of [[3, '2.00'], [5, '2.10'], [7, '2.20']] as const) {
      await quoteDays('PAGE', day, price);
      await quoteDays('PAGE', day + 1, '1.00');
      await user.patch(`/watchlist/${entry.id}`, { armed: true });
    }
    const first = await user.get<AlertPage>('/watchlist/alerts?limit=2');
    expect(first.body.items.map((alert) => alert.price)).toEqual(['2.20', '2.10']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await user.get<AlertPage>(`/watchlist/alerts?limit=2&cursor=${encodeURIComponent(first.body.nextCursor!)}`);
    expect(second.body.items.map((alert) => alert.price)).toEqual(['2.00']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('lists, edits and deletes entries', async () => {
    const user = await portfolio.newUser();
    await quoteDays('LIST', 2, '5.00');
    const entry = await watch(user, { ticker: 'LIST', targetPrice: '6', direction: 'above', note: 'maybe' });
    expect(entry.targetPrice).toBe('6.00');
    const noted = await user.patch<WatchView>(`/watchlist/${entry.id}`, { note: null, direction: 'below', targetPrice: '4.5' });
    expect(noted.body).toMatchObject({ note: null, direction: 'below', targetPrice: '4.50', armed: true });
    expect((await user.get<{ items: WatchView[] }>('/watchlist')).body.items).toEqual([noted.body]);
    expect((await user.delete(`/watchlist/${entry.id}`)).status).toBe(204);
    expect((await user.get<{ items: WatchView[] }>('/watchlist')).body.items).toEqual([]);
    expect((await user.get(`/watchlist/${entry.id}`)).body).toMatchObject({ statusCode: 404, code: 'WATCH_NOT_FOUND' });
  });
});
