/** RFC 4180 lines end with CRLF. */
export const CSV_LINE_END = '\r\n';

const NEEDS_QUOTES = /[",\r\n]/;
/** What a spreadsheet may read as the start of a formula (OWASP's list: =, +, -, @, tab, CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A field quoted as RFC 4180 asks: in double quotes when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text field a person typed (a category, a merchant): one that starts like a
 * formula gets a leading single quote, so a spreadsheet shows it as text
 * instead of running it. Never for amounts: "-12.34" must stay a number.
 */
export function csvText(value: string): string {
  return csvField(FORMULA_START.test(value) ? `'${value}` : value);
}

export function csvLine(fields: readonly string[]): string {
  return fields.join(',') + CSV_LINE_END;
}
