import { DomainError, ErrorCode, ImportOptions } from '@finstack/contracts';
import { isCurrencyCode, minorDigits, parseDecimal, toMinorUnits } from '@finstack/money';
import { fitsLength, readDate, readNumber, WrittenNumber } from './import-values';

/** A valid CSV row, as it will be stored. */
export interface ImportRow {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  occurredOn: string;
  /** Integer minor units of `currency`, as decimal text. */
  amountMinor: string;
  /** The same amount as a decimal ("-4.5"), for the classifier. */
  amount: string;
  currency: string;
  description: string;
  merchant: string | null;
  externalId: string | null;
  /** Of a row without an externalId: its content fingerprint (see Fingerprinter), in hexadecimal; set once the row is valid. */
  fingerprint: string | null;
}

/** Where each field sits in a row; -1 for a column the options do not name. */
interface ColumnIndexes {
  date: number;
  amount: number;
  debit: number;
  credit: number;
  description: number;
  merchant: number;
  externalId: number;
  currency: number;
}

/** Shows a cell in a reason without flooding it. */
const quoted = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Reads CSV records into rows, following the import options: the header
 * names the columns (trimmed, compared without regard to case), every other
 * record becomes an ImportRow or a reason why it cannot.
 */
export class ImportRowReader {
  private columns?: ColumnIndexes;

  constructor(private readonly options: ImportOptions) {}

  get hasHeader(): boolean {
    return this.columns !== undefined;
  }

  /** Maps the options' column names to positions; 400 naming every column the file lacks. */
  readHeader(fields: string[]): void {
    const positions = new Map<string, number[]>();
    fields.forEach((field, index) => {
      const name = field.trim().toLowerCase();
      positions.set(name, [...(positions.get(name) ?? []), index]);
    });
    const problems: { field: string; errors: string[] }[] = [];
    const find = (option: keyof ImportOptions, name: string | undefined): number => {
      if (name === undefined) return -1;
      const found = positions.get(name.trim().toLowerCase()) ?? [];
      if (found.length === 1) return found[0];
      problems.push({
        field: `options.${option}`,
        errors: [
          found.length === 0
            ? `the CSV has no column named ${quoted(name)}; its columns are ${fields.map((f) => quoted(f.trim())).join(', ')}`
            : `the CSV has ${found.length} columns named ${quoted(name)}`,
        ],
      });
      return -1;
    };
    const o = this.options;
    const columns: ColumnIndexes = {
      date: find('dateColumn', o.dateColumn),
      amount: find('amountColumn', o.amountColumn),
      debit: find('debitColumn', o.debitColumn),
      credit: find('creditColumn', o.creditColumn),
      description: find('descriptionColumn', o.descriptionColumn),
      merchant: find('merchantColumn', o.merchantColumn),
      externalId: find('externalIdColumn', o.externalIdColumn),
      currency: find('currencyColumn', o.currencyColumn),
    };
    if (problems.length > 0) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, problems.flatMap((p) => p.errors).join('; '), problems);
    }
    this.columns = columns;
  }

  /** The row, or the reason it cannot be imported. */
  readRow(fields: string[], line: number): ImportRow | string {
    const columns = this.columns;
    if (!columns) throw new Error('readHeader must come first');
    const o = this.options;

    const dateText = fields[columns.date].trim();
    const occurredOn = readDate(dateText, o.dateFormat);
    if (occurredOn === undefined) {
      return dateText === ''
        ? `${o.dateColumn} is empty`
        : `${o.dateColumn} ${quoted(dateText)} is not a real date written ${o.dateFormat} (1900 to 2999)`;
    }

    let currency = o.currency;
    if (columns.currency >= 0) {
      const text = fields[columns.currency].trim().toUpperCase();
      if (text !== '') currency = text;
    }
    if (currency === undefined) return `${o.currencyColumn} is empty`;
    if (!isCurrencyCode(currency)) return `${o.currencyColumn} ${quoted(currency)} is not an ISO 4217 currency code`;

    const amount = this.readAmount(fields, columns, currency);
    if (typeof amount === 'string') return amount;

    const description = fields[columns.description].trim();
    if (description === '') return `${o.descriptionColumn} is empty`;
    if (!fitsLength(description, 500)) return `${o.descriptionColumn} is longer than 500 characters`;

    const merchant = columns.merchant >= 0 ? fields[columns.merchant].trim() : '';
    if (!fitsLength(merchant, 200)) return `${o.merchantColumn} is longer than 200 characters`;

    const externalId = columns.externalId >= 0 ? fields[columns.externalId].trim() : '';
    if (!fitsLength(externalId, 100)) return `${o.externalIdColumn} is longer than 100 characters`;

    return {
      line,
      occurredOn,
      amountMinor: amount.minor,
      amount: amount.decimal,
      currency,
      description,
      merchant: merchant === '' ? null : merchant,
      externalId: externalId === '' ? null : externalId,
      fingerprint: null,
    };
  }

  /** Integer minor units as text (and the decimal), or the reason the amount cannot be read. Money out is negative. */
  private readAmount(fields: string[], columns: ColumnIndexes, currency: string): { minor: string; decimal: string } | string {
    const o = this.options;
    let number: WrittenNumber;
    let column: string;
    if (columns.amount >= 0) {
      column = o.amountColumn as string;
      const text = fields[columns.amount].trim();
      if (text === '') return `${column} is empty`;
      const read = readNumber(text, o.decimalSeparator);
      if (!read) return this.notANumber(column, text);
      number = read;
    } else {
      const debitText = fields[columns.debit].trim();
      const creditText = fields[columns.credit].trim();
      const debit = debitText === '' ? undefined : readNumber(debitText, o.decimalSeparator);
      const credit = creditText === '' ? undefined : readNumber(creditText, o.decimalSeparator);
      if (debitText !== '' && !debit) return this.notANumber(o.debitColumn as string, debitText);
      if (creditText !== '' && !credit) return this.notANumber(o.creditColumn as string, creditText);
      const isZero = (n: WrittenNumber | undefined) => !n || (n.whole === '0' && n.fraction === '');
      if (!isZero(debit) && !isZero(credit)) return `both ${o.debitColumn} and ${o.creditColumn} hold an amount`;
      if (!isZero(debit)) {
        number = { ...(debit as WrittenNumber), negative: true };
        column = o.debitColumn as string;
      } else if (!isZero(credit)) {
        number = { ...(credit as WrittenNumber), negative: false };
        column = o.creditColumn as string;
      } else {
        return `neither ${o.debitColumn} nor ${o.creditColumn} holds an amount`;
      }
    }

    if (number.whole.length > 12) return `${column} must be below 10^12 in size`;
    const digits = minorDigits(currency);
    if (number.fraction.length > digits) return `${column} has more decimals than ${currency} allows (${digits})`;
    if (number.whole === '0' && number.fraction === '') return `${column} must not be zero`;
    const decimal = `${number.negative ? '-' : ''}${number.whole}${number.fraction ? `.${number.fraction}` : ''}`;
    if (!parseDecimal(decimal)) return `${column} is not an amount`; // unreachable after the checks above
    return { minor: toMinorUnits(decimal, digits).toString(), decimal };
  }

  private notANumber(column: string, text: string): string {
    const separator = this.options.decimalSeparator;
    return `${column} ${quoted(text)} is not an amount written with ${quoted(separator)} as decimal separator`;
  }
}
