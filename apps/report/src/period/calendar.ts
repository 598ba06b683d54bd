/**
 * UTC calendar arithmetic on "YYYY-MM-DD" days and "YYYY-MM" months, as plain
 * numbers: a day is its count of days since 1970-01-01, a month is
 * year * 12 + (month - 1). Inputs are validated calendar dates.
 */
const MS_PER_DAY = 86_400_000;

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY;
}

export function dayText(dayNo: number): string {
  const date = new Date(dayNo * MS_PER_DAY);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The month of a day ("YYYY-MM-DD") or of a month ("YYYY-MM"). */
export function monthNumber(dayOrMonth: string): number {
  return Number(dayOrMonth.slice(0, 4)) * 12 + Number(dayOrMonth.slice(5, 7)) - 1;
}

export function monthText(monthNo: number): string {
  return `${Math.floor(monthNo / 12)}-${pad((monthNo % 12) + 1)}`;
}

export function firstDayOfMonth(monthNo: number): string {
  return `${monthText(monthNo)}-01`;
}

export function lastDayOfMonth(monthNo: number): string {
  // Day 0 of the next month is the last day of this one.
  return dayText(Date.UTC(Math.floor(monthNo / 12), (monthNo % 12) + 1, 0) / MS_PER_DAY);
}

/** The Monday that starts the ISO week of a day (1970-01-01 was a Thursday). */
export function mondayOf(dayNo: number): number {
  return dayNo - ((((dayNo + 3) % 7) + 7) % 7);
}

export function todayUtc(now: Date = new Date()): string {
  return `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}`;
}
