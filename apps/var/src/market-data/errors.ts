export interface CsvProblem {
  /** 1-based line number in the uploaded text (1 = header) */
  line: number;
  message: string;
}

/** The uploaded CSV or ticker is unusable; the service maps this to 400. */
export class PriceHistoryInvalidError extends Error {
  constructor(readonly problems: CsvProblem[]) {
    super(problems.map((p) => (p.line > 0 ? `line ${p.line}: ${p.message}` : p.message)).join('; '));
    this.name = 'PriceHistoryInvalidError';
  }
}

/** No stored history for the ticker; the service maps this to 404. */
export class UnknownTickerError extends Error {
  constructor(readonly ticker: string) {
    super(`no price history for ${ticker}`);
    this.name = 'UnknownTickerError';
  }
}
