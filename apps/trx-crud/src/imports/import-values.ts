import { ImportDateFormat, isCalendarDate } from '@finstack/contracts';

/*
 * How one CSV cell becomes a stored value. Each reader returns undefined for
 * a cell it cannot read; the row reader turns that into a reason a person can
 * act on. They run once per row of files up to 50 MB, so they stay small.
 */

/** Where year, month and day sit in the match of each date format. */
interface DatePattern {
  pattern: RegExp;
  year: number;
  month: number;
  day: number;
}

/** Banks often add a time of day; the date is the day as written. */
const TIME = '(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?';
const ymd = (separator: string): DatePattern => ({
  pattern: new RegExp(`^(\\d{4})\\${separator}(\\d{1,2})\\${separator}(\\d{1,2})${TIME}$`),
  year: 1,
  month: 2,
  day: 3,
});
const dmy = (separator: string, dayFirst: boolean): DatePattern => ({
  pattern: new RegExp(`^(\\d{1,2})\\${separator}(\\d{1,2})\\${separator}(\\d{4})${TIME}$`),
  year: 3,
  month: dayFirst ? 2 : 1,
  day: dayFirst ? 1 : 2,
});

const DATE_PATTERNS: Readonly<Record<ImportDateFormat, DatePattern>> = {
  'YYYY-MM-DD': ymd('-'),
  'YYYY/MM/DD': ymd('/'),
  'DD/MM/YYYY': dmy('/', true),
  'MM/DD/YYYY': dmy('/', false),
  'DD.MM.YYYY': dmy('.', true),
  'DD-MM-YYYY': dmy('-', true),
};

const pad = (digits: string) => (digits.length === 1 ? `0${digits}` : digits);

/** "14.03.2025" in DD.MM.YYYY → "2025-03-14"; undefined for another layout or a day that does not exist. */
export function readDate(text: string, format: ImportDateFormat): string | undefined {
  const { pattern, year, month, day } = DATE_PATTERNS[format];
  const match = pattern.exec(text);
  if (!match) return undefined;
  const iso = `${match[year]}-${pad(match[month])}-${pad(match[day])}`;
  return isCalendarDate(iso) ? iso : undefined;
}

/** Digits with optional thousands grouping, then optional decimals, for each decimal separator. */
const NUMBER: Readonly<Record<'.' | ',', RegExp>> = {
  '.': /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/,
  ',': /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/,
};
/** Spaces (also no-break ones) and apostrophes group thousands in some locales: "1 234,56", "1'234.56". */
const GROUPING_BLANKS = /[\s\u00a0\u202f']/g;

/** A written number, read exactly: sign, integer digits (no leading zeros) and decimals (no trailing zeros). */
export interface WrittenNumber {
  negative: boolean;
  whole: string;
  fraction: string;
}

/**
 * Reads "-12.50", "+12.50", "12.50-", "(12.50)", "1.234,56" (',' as decimal
 * separator) or "1,234.56" ('.'); thousands separators of the other kind must
 * group by three, so "12.50" is refused when ',' is the decimal separator
 * rather than read as 1250. undefined when the text is not such a number.
 */
export function readNumber(text: string, decimalSeparator: '.' | ','): WrittenNumber | undefined {
  let rest = text.replace(GROUPING_BLANKS, '');
  let negative = false;
  if (rest.startsWith('(') && rest.endsWith(')')) {
    negative = true;
    rest = rest.slice(1, -1);
  } else if (rest.startsWith('-') || rest.startsWith('\u2212')) {
    negative = true;
    rest = rest.slice(1);
  } else if (rest.startsWith('+')) {
    rest = rest.slice(1);
  } else if (rest.endsWith('-')) {
    negative = true;
    rest = rest.slice(0, -1);
  }
  const match = NUMBER[decimalSeparator].exec(rest);
  if (!match) return undefined;
  const whole = (match[1].length > 3 ? match[1].replace(/\D/g, '') : match[1]).replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return { negative, whole, fraction };
}

/** True when `text` has at most `max` characters (code points), as MySQL counts a VARCHAR. */
export function fitsLength(text: string, max: number): boolean {
  if (text.length <= max) return true; // a character is at least one UTF-16 code unit
  let length = 0;
  for (const _ of text) if (++length > max) return false;
  return true;
}
