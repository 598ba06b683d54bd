import { CsvProblem, PriceHistoryInvalidError } from './errors';

export const PRICE_CSV_HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume';
/** Enough to fix a file without flooding the 400 response. */
export const MAX_PROBLEMS = 10;

const COLUMNS = PRICE_CSV_HEADER.split(',');
const DECIMAL = /^\d+(\.\d+)?$/;
const INTEGER = /^\d+$/;

export interface NormalisedPriceCsv {
  /** header + rows with ISO dates, LF line ends, numbers as uploaded */
  text: string;
  rows: number;
  from: string;
  to: string;
}

/** yyyy-mm-dd or dd/mm/yyyy to ISO, or null when not a real calendar date. */
export function strictIsoDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!iso && !dmy) return null;
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : [dmy![3], dmy![2], dmy![1]];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * Validates an uploaded price CSV and returns it normalised; throws PriceHistoryInvalidError with the
 * first MAX_PROBLEMS problems. Numbers keep their uploaded text so no precision is lost.
 */
export function normalisePriceCsv(input: string): NormalisedPriceCsv {
  const lines = input.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const problems: CsvProblem[] = [];
  const report = (line: number, message: string) => problems.length < MAX_PROBLEMS && problems.push({ line, message });

  const header = (lines[0] ?? '').split(',').map((c) => c.trim());
  if (header.join(',') !== PRICE_CSV_HEADER) report(1, `header must be ${PRICE_CSV_HEADER}`);
  if (lines.length < 2) report(0, 'no price rows');

  const out = [PRICE_CSV_HEADER];
  let previous: string | null = null;
  for (let i = 1; i < lines.length && problems.length < MAX_PROBLEMS; i++) {
    const line = i + 1;
    const cells = lines[i].split(',').map((c) => c.trim());
    if (cells.length !== COLUMNS.length) {
      report(line, `expected ${COLUMNS.length} cells, found ${cells.length}`);
      continue;
    }
    const empty = cells.findIndex((c) => c === '');
    if (empty >= 0) {
      report(line, `${COLUMNS[empty]} is empty`);
      continue;
    }
    const date = strictIsoDate(cells[0]);
    if (!date) report(line, `Date "${cells[0]}" is not a valid dd/mm/yyyy or yyyy-mm-dd date`);
    for (let c = 1; c <= 5; c++) {
      if (!DECIMAL.test(cells[c]) || !(Number(cells[c]) > 0)) report(line, `${COLUMNS[c]} must be a positive number, got "${cells[c]}"`);
    }
    if (!INTEGER.test(cells[6]) || !Number.isSafeInteger(Number(cells[6]))) report(line, `Volume must be a non-negative integer, got "${cells[6]}"`);
    if (date && previous !== null) {
      if (date === previous) report(line, `duplicate date ${date}`);
      else if (date < previous) report(line, `date ${date} is before ${previous}: rows must be sorted oldest first`);
    }
    if (date) previous = date;
    out.push([date ?? cells[0], ...cells.slice(1)].join(','));
  }
  if (problems.length > 0) throw new PriceHistoryInvalidError(problems);
  return { text: out.join('\n') + '\n', rows: out.length - 1, from: out[1].slice(0, 10), to: out[out.length - 1].slice(0, 10) };
}
