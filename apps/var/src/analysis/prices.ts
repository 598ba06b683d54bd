import { PriceField, PriceRow } from './types';

/** ISO date from yyyy-mm-dd or dd/mm/yyyy (the stored AAPL file uses the latter). */
export function toIsoDate(text: string): string {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (!match) throw new Error(`unrecognised date: ${value}`);
  return `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}

/** Parses Date,Open,High,Low,Close,Adj Close,Volume (oldest first); skips rows with missing numbers. */
export function parsePriceCsv(text: string): PriceRow[] {
  const rows: PriceRow[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const cells = line.split(',');
    const [open, high, low, close, adjClose] = cells.slice(1, 6).map(Number);
    if (![open, high, low, close, adjClose].every(Number.isFinite)) continue;
    rows.push({ date: toIsoDate(cells[0]), open, high, low, close, adjClose });
  }
  return rows;
}

export function priceSeries(rows: PriceRow[], field: PriceField): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i][field];
  return out;
}
