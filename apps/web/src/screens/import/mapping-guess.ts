/** The import's options as the API names them (ImportOptions), guessed from a file's first lines. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'YYYY/MM/DD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export type Delimiter = ',' | ';' | 'tab' | '|';

export interface Mapping {
  delimiter: Delimiter;
  dateColumn?: string;
  amountColumn?: string;
  debitColumn?: string;
  creditColumn?: string;
  descriptionColumn?: string;
  merchantColumn?: string;
  currencyColumn?: string;
  externalIdColumn?: string;
  dateFormat: DateFormat;
  decimalSeparator: '.' | ',';
}

export interface Preview {
  header: string[];
  rows: string[][];
}

const DELIMITER_CHAR: Record<Delimiter, string> = { ',': ',', ';': ';', tab: '\t', '|': '|' };

/** The delimiter that splits the header into the most columns (ties: comma). */
export function guessDelimiter(firstLine: string): Delimiter {
  let best: Delimiter = ',';
  let most = 0;
  for (const delimiter of [',', ';', 'tab', '|'] as const) {
    const count = splitLine(firstLine, DELIMITER_CHAR[delimiter]).length;
    if (count > most) {
      best = delimiter;
      most = count;
    }
  }
  return best;
}

/** One CSV line into fields, honouring double quotes ("" inside quotes is a quote). */
export function splitLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields.map((value) => value.trim());
}

/** The header and first rows of a file's text, for the preview table. */
export function previewOf(text: string, delimiter: Delimiter, rows = 5): Preview {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const char = DELIMITER_CHAR[delimiter];
  return { header: splitLine(lines[0] ?? '', char), rows: lines.slice(1, rows + 1).map((line) => splitLine(line, char)) };
}

const NAMES: Record<keyof Omit<Mapping, 'delimiter' | 'dateFormat' | 'decimalSeparator'>, RegExp> = {
  dateColumn: /^(date|booking ?date|transaction ?date|value ?date|posted|posting ?date|datum|fecha|occurred(on)?)$/i,
  amountColumn: /^(amount|sum|value|betrag|importe|montant|amount \(.*\))$/i,
  debitColumn: /^(debit|withdrawal|withdrawals|money out|paid out|out)$/i,
  creditColumn: /^(credit|deposit|deposits|money in|paid in|in)$/i,
  descriptionColumn: /^(description|details|narrative|memo|text|reference|payee|name|transaction)$/i,
  merchantColumn: /^(merchant|counterparty|payee name|vendor|shop)$/i,
  currencyColumn: /^(currency|ccy|curr)$/i,
  externalIdColumn: /^(id|transaction ?id|reference ?id|external ?id|fitid)$/i,
};

/** Which date format every sample fits; the first that fits all (day-first before month-first when both do). */
export function guessDateFormat(samples: string[]): DateFormat {
  const fits: Record<DateFormat, (value: string) => boolean> = {
    'YYYY-MM-DD': (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
    'YYYY/MM/DD': (v) => /^\d{4}\/\d{2}\/\d{2}$/.test(v),
    'DD/MM/YYYY': (v) => /^(\d{2})\/(\d{2})\/\d{4}$/.test(v) && Number(v.slice(3, 5)) <= 12,
    'MM/DD/YYYY': (v) => /^(\d{2})\/(\d{2})\/\d{4}$/.test(v) && Number(v.slice(0, 2)) <= 12,
    'DD.MM.YYYY': (v) => /^\d{2}\.\d{2}\.\d{4}$/.test(v),
    'DD-MM-YYYY': (v) => /^\d{2}-\d{2}-\d{4}$/.test(v),
  };
  const values = samples.filter((value) => value !== '');
  for (const format of DATE_FORMATS) if (values.length > 0 && values.every(fits[format])) return format;
  return 'YYYY-MM-DD';
}

/** A comma is the decimal separator when amounts look like "1.234,56" or "-12,34". */
export function guessDecimalSeparator(samples: string[]): '.' | ',' {
  const commaDecimals = samples.filter((value) => /^-?[\d.\s]*\d,\d{1,4}$/.test(value.trim())).length;
  const dotDecimals = samples.filter((value) => /^-?[\d,\s]*\d\.\d{1,4}$/.test(value.trim())).length;
  return commaDecimals > dotDecimals ? ',' : '.';
}

/** The whole guess: delimiter, columns by their header names, date format and decimal separator from the sample rows. */
export function guessMapping(text: string): { mapping: Mapping; preview: Preview } {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = guessDelimiter(firstLine);
  const preview = previewOf(text, delimiter);
  const mapping: Mapping = { delimiter, dateFormat: 'YYYY-MM-DD', decimalSeparator: '.' };
  const taken = new Set<string>();
  for (const [option, pattern] of Object.entries(NAMES) as [keyof typeof NAMES, RegExp][]) {
    const column = preview.header.find((name) => !taken.has(name) && pattern.test(name.trim()));
    if (column) {
      mapping[option] = column;
      taken.add(column);
    }
  }
  // Signed amounts win over a debit/credit pair; a lone debit or credit column is no mapping.
  if (mapping.amountColumn || !(mapping.debitColumn && mapping.creditColumn)) {
    delete mapping.debitColumn;
    delete mapping.creditColumn;
  }
  const column = (name?: string) => (name === undefined ? [] : preview.rows.map((row) => row[preview.header.indexOf(name)] ?? ''));
  mapping.dateFormat = guessDateFormat(column(mapping.dateColumn));
  mapping.decimalSeparator = guessDecimalSeparator([...column(mapping.amountColumn), ...column(mapping.debitColumn), ...column(mapping.creditColumn)]);
  return { mapping, preview };
}
