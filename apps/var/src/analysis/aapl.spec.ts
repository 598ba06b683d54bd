import { AAPL_CSV as csv, naiveRows, naiveSmaTrades } from '../testing/naive-sma-trades';
import { analyse } from './analyse';
import { parsePriceCsv } from './prices';

describe('AAPL', () => {
  const rows = parsePriceCsv(csv);

  it('parses the file (dd/mm/yyyy dates become ISO)', () => {
    expect(rows.length).toBe(naiveRows().length);
    expect(rows[0]).toEqual({ date: '2005-02-22', open: 6.164286, high: 6.307143, low: 6.092143, close: 6.092143, adjClose: 5.288228 });
  });

  it('sma-crossover A = 20, V = 101: 368 signals and trades equal to a naive computation', async () => {
    const result = await analyse({ prices: rows, strategy: { kind: 'sma-crossover', period: 20, volatilityWindow: 101 }, samples: 200, shards: 1, seed: 5 });
    const expected = naiveSmaTrades(naiveRows(), 20, 101, 1000);
    expect(result.metadata.signals).toBe(368);
    expect(result.trades.map(({ signal, openDate, closeDate, pnl, cumulativePnl }) => ({ signal, openDate, closeDate, pnl, cumulativePnl }))).toEqual(expected);
    expect(result.summary.totalPnl).toBe(expected[expected.length - 1].cumulativePnl);
    expect(result.series).toHaveLength(rows.length);
    expect(result.series.filter((p) => p.signal).length).toBe(368);
  });

  it('three soldiers / crows trades equal to a naive computation', async () => {
    const h = 10;
    const hold = 5;
    const body = 0.01;
    const n = naiveRows();
    const expected: { signal: string; openDate: string; pnl: number }[] = [];
    for (let i = h; i + hold < n.length; i++) {
      const c = [n[i - 2], n[i - 1], n[i]];
      const white = c.every((r) => r.close - r.open >= body - 1e-9) && c[0].close < c[1].close && c[1].close < c[2].close;
      const black = c.every((r) => r.open - r.close >= body - 1e-9) && c[0].close > c[1].close && c[1].close > c[2].close;
      if (!white && !black) continue;
      const move = (n[i + hold].adj - n[i].adj) * 1000;
      expected.push({ signal: white ? 'BUY' : 'SELL', openDate: n[i].date, pnl: Math.round((white ? move : -move) * 100) / 100 });
    }
    const result = await analyse({ prices: rows, strategy: { kind: 'three-soldiers-crows', history: h, holdDays: hold }, samples: 200, shards: 1, seed: 5 });
    expect(expected.length).toBeGreaterThan(50);
    expect(result.trades.map(({ signal, openDate, pnl }) => ({ signal, openDate, pnl }))).toEqual(expected);
  });
});
