export { PriceHistoryStore } from './price-history.store';
export type { HistoryRange, StoredHistory } from './price-history.store';
export { PriceHistoryInvalidError, UnknownTickerError } from './errors';
export type { CsvProblem } from './errors';
export { normalisePriceCsv, PRICE_CSV_HEADER } from './price-csv';
