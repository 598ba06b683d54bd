import { PRICE_SCALE } from '@finstack/contracts';
import { parseScaled } from '@finstack/money';
import { parse } from 'csv-parse';

/** Which column a replay sends: the close as traded, or adjusted for splits and dividends. */
export const PRICE_FIELDS = { close: 'Close', adjClose: 'Adj Close' } as const;
export type PriceField = keyof typeof PRICE_FIELDS;

/** One trading day of a history: its date (yyyy-mm-dd) and the price to send. */
export interface DailyPrice {
  date: string;
  price: string;
}

export interface PriceHistory {
  /** Oldest first, one per date. */
  prices: DailyPrice[];
  /** Rows whose price is "null" (how Yahoo marks a day without trading). */
  skipped: number;
}

/** A file that cannot be replayed; `problems` name their lines. */
export class PriceHistoryError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.slice(0, 10).join('\n  ')}`);
    this.name = 'PriceHistoryError';
  }
}

/**
 * Reads a daily price history (Date,Open,High,Low,Close,Adj Close,Volume, as
 * Yahoo Finance exports it) into the prices to replay, oldest first. Columns
 * are found by name; dates may be yyyy-mm-dd or dd/mm/yyyy.
 */
export async function parsePriceHistory(csv: string, field: PriceField): Promise<PriceHistory> {
  const [header, ...rows] = await csvRows(csv);
  if (!header) throw new PriceHistoryError(['the file is empty']);
  const dateColumn = columnOf(header, 'Date');
  const priceColumn = columnOf(header, PRICE_FIELDS[field]);
  const problems: string[] = [];
  const prices: DailyPrice[] = [];
  let skipped = 0;
  rows.forEach((row, index) => {
    const line = index + 2;
    const date = isoDate(row[dateColumn] ?? '');
    const price = (row[priceColumn] ?? '').trim();
    if (date === undefined) problems.push(`line ${line}: "${row[dateColumn] ?? ''}" is not a date (yyyy-mm-dd or dd/mm/yyyy)`);
    if (price.toLowerCase() === 'null') skipped += 1;
    else if (!isPrice(price)) {
      problems.push(`line ${line}: ${PRICE_FIELDS[field]} "${price}" is not a positive price with at most ${PRICE_SCALE} decimals`);
    } else if (date !== undefined) prices.push({ date, price });
  });
  prices.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  prices.forEach((day, i) => {
    if (i > 0 && prices[i - 1].date === day.date) problems.push(`${day.date} appears more than once`);
  });
  if (problems.length > 0) throw new PriceHistoryError(problems);
  return { prices, skipped };
}

/** "2025-03-14" or "14/03/2025" → "2025-03-14"; undefined unless it is a real calendar date. */
export function isoDate(text: string): string | undefined {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const dayFirst = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  if (year === undefined) return undefined;
  const date = `${year}-${month}-${day}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined;
}

function isPrice(text: string): boolean {
  const scaled = parseScaled(text, PRICE_SCALE);
  return scaled !== undefined && scaled > 0n;
}

function columnOf(header: string[], name: string): number {
  const index = header.findIndex((column) => column.trim().toLowerCase() === name.toLowerCase());
  if (index < 0) {
    throw new PriceHistoryError([`no "${name}" column; the header is: ${header.join(',')}`]);
  }
  return index;
}

function csvRows(csv: string): Promise<string[][]> {
  return new Promise((resolve, reject) =>
    parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }, (error, rows: string[][]) =>
      error ? reject(new PriceHistoryError([`not a CSV file: ${error.message}`])) : resolve(rows),
    ),
  );
}
