import { TRAILING_CITIES, TRAILING_REGION_CODES } from './statement-locations';

/*
 * Bank statement lines carry much that says nothing about the payee: card
 * scheme prefixes, masked card numbers, store numbers, dates, references and
 * the town. Normalising removes that noise so that one payee reads the same
 * every month, whatever the bank wrote around it.
 */

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec';

/**
 * Removed wherever they occur (each leaves a space). One alternation, tried
 * in this order at each position, so that a line is scanned once.
 */
const NOISE = new RegExp(
  [
    // Masked card numbers: XXXX1234, ****1234, xx-1234.
    /(?:[x*]{2,}[\s-]?)+\d{0,4}\b/,
    // Dates: 2025-03-14, 14/03/2025, 14.03.25, 14/03, 14mar, 14 mar 2025, mar 14.
    /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/,
    /\b\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?\b/,
    new RegExp(`\\b\\d{1,2}\\s?(?:${MONTHS})[a-z]*(?:\\s?\\d{2,4})?\\b`),
    new RegExp(`\\b(?:${MONTHS})\\s?\\d{1,2}\\b`),
    // Times: 14:32, 14:32:05, 14h32.
    /\b\d{1,2}[:h]\d{2}(?::\d{2})?\b/,
    // References: "ref 12345", "auth: AB12CD", "txn#99".
    /\b(?:ref|reference|auth|txn|trace|trans|transaction|id)\b\s*[:#.]?\s*[a-z0-9-]*\d[a-z0-9-]*/,
    // Store numbers: #1234, "store 0042", "no. 12".
    /#\s*\d+/,
    /\b(?:store|str|branch|shop|unit|no|nr)\.?\s*\d+\b/,
    // Any token with three or more digits (ids, amounts, numbers left over); short ones like "o2" stay.
    /\b[\p{L}\d-]*\d[\p{L}\d-]*\d[\p{L}\d-]*\d[\p{L}\d-]*\b/u,
    // Numbers on their own.
    /\b\d+\b/,
  ]
    .map((pattern) => pattern.source)
    .join('|'),
  'gu',
);

/** Card-scheme, channel and bank transaction-type words a statement line may start with. */
const LEADING_NOISE: ReadonlySet<string> = new Set([
  'pos', 'card', 'visa', 'debit', 'purchase', 'payment', 'contactless', 'mastercard', 'mc', 'maestro', 'ec', 'cnp',
  'dd', 'direct', 'so', 'sto', 'standing', 'order', 'bgc', 'fpi', 'fpo', 'bill', 'sepa', 'lastschrift',
  'kartenzahlung', 'to', 'at', 'on',
]);

/** Words a statement line may end with after the payee: "ON 12/03", "O2 UK DD". */
const TRAILING_NOISE: ReadonlySet<string> = new Set(['on', 'at', 'to', 'dd', 'so', 'cr', 'dr', 'pos', 'card']);

/** Never the name of a payee, wherever they appear: scheme names, mandate and customer labels, month names. */
const NOISE_WORDS: ReadonlySet<string> = new Set([
  'pos', 'visa', 'mastercard', 'contactless', 'xx', 'xxx', 'xxxx', 'mandate', 'cust', 'customer',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/** Payment processors in front of the real payee: "SQ *BLUE BOTTLE", "PAYPAL *NETFLIX". */
const PROCESSOR_PREFIX = /^(?:sq|tst|sp|pp|paypal|zettle|izettle|sumup|iz|pos)\s*\*\s*/;

const CITY_WORDS: ReadonlyMap<string, readonly string[][]> = groupCitiesByLastWord(TRAILING_CITIES);

/**
 * Lower-case words of a statement line without its noise: "POS VISA TESCO
 * STORES 3297 14/03 LONDON GB" → "tesco stores". Accents are dropped, so that
 * "CAFÉ" and "CAFE" are one word. Normalising twice changes nothing.
 */
export function normaliseStatement(raw: string): string {
  let text = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/(\w)&(\w)/g, '$1$2')
    .trim();
  text = text.replace(PROCESSOR_PREFIX, '');
  text = text.replace(NOISE, ' ');
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0 && !NOISE_WORDS.has(word));
  return stripTrailingPlace(stripLeadingNoise(words)).join(' ');
}

/**
 * The key merchant memory files a payee under: the first two words of the
 * normalised merchant, or of the description when there is no merchant.
 * Two words tell "uber eats" from "uber trip" but not one town from another.
 * Empty when nothing is left to recognise the payee by.
 */
export function payeeKey(normalisedDescription: string, normalisedMerchant: string | null): string {
  const source = normalisedMerchant || normalisedDescription;
  const words = source.split(' ', 2);
  return words.join(' ').slice(0, 100).trim();
}

function stripLeadingNoise(words: string[]): string[] {
  let start = 0;
  while (start < words.length - 1 && LEADING_NOISE.has(words[start])) start += 1;
  return start === 0 ? words : words.slice(start);
}

/**
 * Drops trailing noise words, region codes and city names, repeatedly (a
 * city may stand before a country code), never the last word left.
 */
function stripTrailingPlace(words: string[]): string[] {
  let end = words.length;
  for (let changed = true; changed; ) {
    changed = false;
    while (end > 1 && (TRAILING_NOISE.has(words[end - 1]) || TRAILING_REGION_CODES.has(words[end - 1]))) {
      end -= 1;
      changed = true;
    }
    const city = end > 1 ? trailingCity(words, end) : undefined;
    if (city !== undefined) {
      end -= city;
      changed = true;
    }
  }
  return end === words.length ? words : words.slice(0, end);
}

/** How many words a known city takes up at the end of words[0..end), when that leaves at least one. */
function trailingCity(words: string[], end: number): number | undefined {
  for (const city of CITY_WORDS.get(words[end - 1]) ?? []) {
    if (city.length < end && city.every((word, index) => words[end - city.length + index] === word)) return city.length;
  }
  return undefined;
}

function groupCitiesByLastWord(cities: readonly string[]): Map<string, string[][]> {
  const groups = new Map<string, string[][]>();
  for (const city of cities) {
    const words = city.split(' ');
    const last = words[words.length - 1];
    groups.set(last, [...(groups.get(last) ?? []), words]);
  }
  return groups;
}
