/** Bounds of the report service, shared so the gateway's docs and the service's checks agree. */

/** Transactions one score request may hold. */
export const MAX_SCORED_TRANSACTIONS = 10_000;

/** A summary or cash flow covers at most 50 years (600 calendar months). */
export const MAX_REPORT_MONTHS = 600;

/** Points one cash flow may hold; past it, choose a shorter period or a longer interval. */
export const MAX_CASHFLOW_POINTS = 5_000;

/** Merchant rows of a summary; the rest are summed in one "Other merchants" row. */
export const MAX_MERCHANT_ROWS = 100;

/** Entries of topCategories and topMerchants. */
export const TOP_SPENDING_ENTRIES = 5;
