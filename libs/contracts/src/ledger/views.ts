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
  externalId: string | null;
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
