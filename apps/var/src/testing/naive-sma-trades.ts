import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * AAPL trades by a deliberately naive re-computation, written apart from the
 * compute core: its own CSV split, SMA by re-summing each window, and plain
 * loops. The unit tests and the end-to-end tests both check the service against it.
 */
export const AAPL_CSV = readFileSync(join(__dirname, '../../../../data/prices/AAPL.csv'), 'utf8');

export interface NaiveRow {
  date: string;
  open: number;
  close: number;
  adj: number;
}

export function naiveRows(csv = AAPL_CSV): NaiveRow[] {
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

export function naiveSmaTrades(rows: NaiveRow[], a: number, v: number, units: number) {
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
