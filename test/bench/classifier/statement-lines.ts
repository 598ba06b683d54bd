import { MerchantSpec } from './merchants';
import { SeededRandom } from './random';

/*
 * Writes a merchant's name the way bank statements do: card-scheme prefixes,
 * store numbers, towns (some the normaliser knows, most it does not),
 * country codes, dates, times, references, fixed-width fields that cut names
 * off at 22–25 characters, and upper, title or lower case.
 */

const CARD_PREFIXES = [
  '', '', '', 'POS ', 'CARD ', 'VISA ', 'DEBIT CARD ', 'CARD PAYMENT TO ', 'POS PURCHASE ', 'CONTACTLESS ',
  'VISA DEBIT PURCHASE ', 'PURCHASE ', 'CNP ', 'CARD XXXX',
];
const BANK_PREFIXES = ['', '', 'DD ', 'DIRECT DEBIT ', 'SO ', 'STO ', 'BGC ', 'FPI ', 'FPO ', 'SEPA ', 'BILL PAYMENT '];
const TOWNS = [
  'LONDON', 'LEEDS', 'MANCHESTER', 'BERLIN', 'KOELN', 'PARIS', 'AMSTERDAM', 'NEW YORK', 'SEATTLE', 'DUBLIN',
  'CROYDON', 'SLOUGH', 'READING', 'HOVE', 'WOKING', 'BATH', 'STOCKPORT', 'BOCHUM', 'HAARLEM', 'HOBOKEN',
  'SPRINGFIELD', 'ILFORD', 'WATFORD', 'DERBY', 'YORK', 'ESSEN', 'BONN', 'UTRECHT',
];
const COUNTRIES = ['GB', 'GBR', 'DE', 'US', 'NL', 'IE', 'FR', 'UK'];
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const MONTH_NAMES = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'JUNE', 'JULY', 'AUGUST', 'OCTOBER'];

export function statementLine(merchant: MerchantSpec, random: SeededRandom): string {
  const line = merchant.style === 'card' ? cardLine(merchant, random) : bankLine(merchant, random);
  return applyCase(line.replace(/\s+/g, ' ').trim(), random);
}

function cardLine(merchant: MerchantSpec, random: SeededRandom): string {
  let prefix = random.pick(CARD_PREFIXES);
  if (prefix === 'CARD XXXX') prefix = `CARD XXXX${random.digits(4)} `;
  const name = random.pick(merchant.names);
  const store = random.pick([
    '', '', ` #${random.digits(random.int(3, 5))}`, ` ${random.digits(4)}`, ` STORE ${random.digits(4)}`,
    ` NO.${random.digits(2)}`, ` ${random.digits(6)}`,
  ]);
  const town = random.chance(0.6) ? ` ${random.pick(TOWNS)}` : '';
  const country = random.chance(0.5) ? ` ${random.pick(COUNTRIES)}` : '';
  const when = random.pick(['', '', ` ${day(random)}/${month(random)}`, ` ${day(random)}${random.pick(MONTHS)}`,
    ` ON ${day(random)} ${random.pick(MONTHS)}`, ` 2025-${month(random)}-${day(random)}`, ` ${time(random)}`,
    ` ${day(random)}/${month(random)}/25 ${time(random)}`]);
  const datedFirst = random.chance(0.15);
  if (random.chance(0.5)) {
    // Fixed-width card record: the merchant field is cut at 22–25 characters, the town follows.
    const field = fit(`${datedFirst ? `${day(random)}/${month(random)} ` : ''}${prefix}${name}${store}`, random.int(22, 25));
    return `${field}${town}${country}`;
  }
  const line = `${datedFirst ? `${day(random)}${random.pick(MONTHS)} ` : ''}${prefix}${name}${store}${town}${country}${when}`;
  return random.chance(0.3) ? line.slice(0, random.int(22, 25)) : line;
}

function bankLine(merchant: MerchantSpec, random: SeededRandom): string {
  const prefix = random.pick(BANK_PREFIXES);
  const name = random.pick(merchant.names);
  const reference = random.pick([
    '', '', ` REF ${random.digits(random.int(6, 10))}`, ` ${random.digits(random.int(6, 10))}`,
    ` ${random.pick(MONTH_NAMES)}`, ` CUST ${random.digits(7)}`, ` MANDATE NO ${random.digits(4)}`,
    ` ${String.fromCharCode(65 + random.int(0, 25))}${random.digits(5)}${String.fromCharCode(65 + random.int(0, 25))}`,
  ]);
  const when = random.pick(['', '', ` ${day(random)}/${month(random)}`, ` ${day(random)}${random.pick(MONTHS)}`]);
  const line = `${prefix}${name}${reference}${when}`;
  return random.chance(0.2) ? line.slice(0, random.int(22, 25)) : line;
}

function fit(text: string, width: number): string {
  return text.length >= width ? text.slice(0, width) : text.padEnd(width, ' ');
}

function applyCase(line: string, random: SeededRandom): string {
  const style = random.next();
  if (style < 0.75) return line.toUpperCase();
  if (style < 0.9) return line.toLowerCase().replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
  return line.toLowerCase();
}

const day = (random: SeededRandom) => String(random.int(1, 28)).padStart(2, '0');
const month = (random: SeededRandom) => String(random.int(1, 12)).padStart(2, '0');
const time = (random: SeededRandom) => `${String(random.int(0, 23)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`;
