/*
 * The expressions that turn transactions into running totals. The writer
 * (running-totals.ts) and the reader of months not wholly in a report
 * (transaction-aggregates.service.ts) must group alike, so both take them from
 * here. Portable SQL: the same text runs on MySQL/MariaDB and SQLite.
 */

/** Sum of the negative amounts, as a positive number. */
export const SPENT_SUM = 'SUM(CASE WHEN t.amount_minor < 0 THEN -t.amount_minor ELSE 0 END)';
export const RECEIVED_SUM = 'SUM(CASE WHEN t.amount_minor > 0 THEN t.amount_minor ELSE 0 END)';

/** "YYYY-MM": a DATE reads as "YYYY-MM-DD" text on both databases. */
export const MONTH_OF_DAY = 'SUBSTR(t.occurred_on, 1, 7)';

/** Uncategorised transactions group under '' (a key column cannot be NULL). */
export const CATEGORY_KEY = "COALESCE(t.category_id, '')";

/**
 * Who was paid or paid us, normalised when the transaction was written (see
 * payeeOf): one key for every spelling a bank uses, '' when none is recognisable.
 */
export const MERCHANT_KEY = 't.payee';
