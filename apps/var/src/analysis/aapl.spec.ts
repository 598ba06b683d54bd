import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from './analyse';
import { parsePriceCsv } from './prices';

/**
 * AAPL trades against a deliberately naive re-computation written here:
 * its own CSV split, SMA by re-summing each window, and plain loops.
 */
const csv = readFileSync(join(__dirname, '../../../../data/prices/AAPL.csv'), 'utf8');

interface NaiveRow {
  date: string;
  open: number;
  close: number;
  adj: number;
}

function naiveRows(): NaiveRow[] {
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const c = line.split(',');
      const [d, m, y] = c[0].split('/');
      return { date: `${y}-${m}-${d}`, open: +c[1], close: +c[4], adj: +c[5] };
    });
}

function naiveSmaTrades(rows: NaiveRow[], a: number, v: number, units: number) {
  const p = rows.map((r) => r.adj);
  const avg = (i: number) => (i < a - 1 ? NaN : p.slice(i - a + 1, i + 1).reduce((s, x) => s + x, 0) / a);
  const signals: { i: number; side: string }[] = [];
  for (let i = 1; i < p.length; i++) {
    if (i < v) continue;
    const before = p[i - 1] - avg(i - 1);
    const now = p[i] - avg(i);
    if (before < 0 && now > 0) signals.push({ i, side: 'BUY' });
    if (before > 0 && now < 0) signals.push({ i, side: 'SELL' });
  }
  let cumulative = 0;
  return signals.map((s, k) => {
    const j = k + 1 < signals.length ? signals[k + 1].i : p.length - 1;
    const raw = units * (p[j] - p[s.i]) * (s.side === 'SELL' ? -1 : 1);
    const pnl = Math.round(raw * 100) / 100;
    cumulative = Math.round((cumulative + pnl) * 100) / 100;
    return { signal: s.side, openDate: rows[s.i].date, closeDate: rows[j].date, pnl, cumulativePnl: cumulative };
  });
}

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
