/** What the ledger returns; money is a decimal string with its ISO 4217 currency. */
export const CATEGORY_SOURCES = ['none', 'manual', 'rule', 'learned', 'model'] as const;
export type CategorySource = (typeof CATEGORY_SOURCES)[number];

export const CATEGORY_KINDS = ['expense', 'income', 'transfer'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export interface TransactionView {
  id: string;
  occurredOn: string;
  amount: string;
  currency: string;
  description: string;
  merchant: string | null;
  categoryId: string | null;
  categorySource: CategorySource;
  /** How sure the automatic categorizer was, 0 to 1; null for manual or no category. */
  categoryConfidence: number | null;
  /** Why the category was chosen: the rule, the merchant match or the deciding tokens. */
  categoryReason: string | null;
  externalId: string | null;
  /** The CSV import that created it, if any. */
  importId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TransactionPage {
  items: TransactionView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** A created transaction, and whether it is the replay of an earlier request with the same Idempotency-Key. */
export interface CreatedTransaction {
  transaction: TransactionView;
  replayed: boolean;
}

export interface CategoryView {
  id: string;
  name: string;
  kind: CategoryKind;
  color: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DeletedCategory {
  id: string;
  /** How many transactions were moved to `reassignTo`. */
  reassigned: number;
}

/** What a bulk category change did. */
export interface CategoriesSet {
  /** Transactions whose category is now the one asked for. */
  updated: string[];
  /** Transactions left alone because the user chose their category by hand. */
  skippedManual: string[];
}

export const IMPORT_STATUSES = ['completed', 'dry-run', 'rejected'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportFailure {
  /** 1-based line in the file, header included. */
  line: number;
  reason: string;
}

export interface ImportView {
  importId: string;
  status: ImportStatus;
  inserted: number;
  duplicates: number;
  /** The first 1000 failures, in file order. */
  failed: ImportFailure[];
  /** Every failure, also those beyond the first 1000 listed in `failed`. */
  failedCount: number;
  createdAt: string;
}
