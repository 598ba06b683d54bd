/**
 * How a period of days divides for the monthly totals: the whole months it
 * covers, read from the totals, and at most two partial months at its ends,
 * read from the transactions themselves.
 */
export interface MonthSpan {
  /** First and last whole month ("YYYY-MM"), or undefined when the period covers none. */
  wholeMonths?: { first: string; last: string };
  /** Day ranges ("YYYY-MM-DD", both included) outside the whole months. */
  partialDays: { from: string; to: string }[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (day: string) => day.slice(0, 7);
const firstDayOf = (month: string) => `${month}-01`;

function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return `${month}-${pad(new Date(Date.UTC(year, monthNumber, 0)).getUTCDate())}`;
}

function shiftMonth(month: string, by: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, monthNumber - 1 + by, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
}

/** Splits [from, to] (calendar days, from ≤ to) into whole months and the days around them. */
export function splitIntoMonths(from: string, to: string): MonthSpan {
  const startsOnFirst = from === firstDayOf(monthOf(from));
  const endsOnLast = to === lastDayOf(monthOf(to));
  const first = startsOnFirst ? monthOf(from) : shiftMonth(monthOf(from), 1);
  const last = endsOnLast ? monthOf(to) : shiftMonth(monthOf(to), -1);
  if (first > last) return { partialDays: [{ from, to }] };
  const partialDays: MonthSpan['partialDays'] = [];
  if (!startsOnFirst) partialDays.push({ from, to: lastDayOf(monthOf(from)) });
  if (!endsOnLast) partialDays.push({ from: firstDayOf(monthOf(to)), to });
  return { wholeMonths: { first, last }, partialDays };
}
