/** What the ledger returns; money is a decimal string with its ISO 4217 currency. */
import {
  ApiCurrency,
  ApiEnum,
  ApiId,
  ApiInteger,
  ApiList,
  ApiMoney,
  ApiNextCursor,
  ApiNullableId,
  ApiNullableNumber,
  ApiNullableText,
  ApiText,
  ApiTimestamp,
  ApiDay,
} from '../openapi';

export const CATEGORY_SOURCES = ['none', 'manual', 'rule', 'learned', 'model'] as const;
export type CategorySource = (typeof CATEGORY_SOURCES)[number];

export const CATEGORY_KINDS = ['expense', 'income', 'transfer'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export class TransactionView {
  @ApiId()
  id!: string;
  @ApiDay()
  occurredOn!: string;
  @ApiMoney({ description: 'negative = spent, positive = received' })
  amount!: string;
  @ApiCurrency()
  currency!: string;
  @ApiText({ example: 'Coffee at Blue Bottle' })
  description!: string;
  @ApiNullableText({ example: 'Blue Bottle' })
  merchant!: string | null;
  @ApiNullableId()
  categoryId!: string | null;
  @ApiEnum(CATEGORY_SOURCES, 'CategorySource', { description: 'who chose the category' })
  categorySource!: CategorySource;
  @ApiNullableNumber({ minimum: 0, maximum: 1, description: 'how sure the automatic categorizer was, 0 to 1; null for manual or no category' })
  categoryConfidence!: number | null;
  @ApiNullableText({ description: 'why the category was chosen: the rule, the merchant match or the deciding tokens' })
  categoryReason!: string | null;
  @ApiNullableText({ description: 'your own id for this transaction, unique per user' })
  externalId!: string | null;
  @ApiNullableId({ description: 'the CSV import that created it, if any' })
  importId!: string | null;
  @ApiTimestamp()
  createdAt!: string;
  @ApiTimestamp()
  updatedAt!: string;
}

export class TransactionPage {
  @ApiList(TransactionView)
  items!: TransactionView[];
  @ApiNextCursor()
  nextCursor!: string | null;
}

/** A created transaction, and whether it is the replay of an earlier request with the same Idempotency-Key. */
export interface CreatedTransaction {
  transaction: TransactionView;
  replayed: boolean;
}

export class CategoryView {
  @ApiId()
  id!: string;
  @ApiText({ example: 'Groceries' })
  name!: string;
  @ApiEnum(CATEGORY_KINDS, 'CategoryKind')
  kind!: CategoryKind;
  @ApiNullableText({ example: '#2f9e44' })
  color!: string | null;
  @ApiTimestamp()
  createdAt!: string;
  @ApiTimestamp()
  updatedAt!: string;
}

export class CategoryPage {
  @ApiList(CategoryView)
  items!: CategoryView[];
  @ApiNextCursor()
  nextCursor!: string | null;
}

export class DeletedCategory {
  @ApiId()
  id!: string;
  @ApiInteger({ description: 'how many transactions were moved to `reassignTo`' })
  reassigned!: number;
}

/** What a bulk category change did. */
export class CategoriesSet {
  @ApiText({ isArray: true, description: 'transactions whose category is now the one asked for' })
  updated!: string[];
  @ApiText({ isArray: true, description: 'transactions left alone because the user chose their category by hand' })
  skippedManual!: string[];
}

export const IMPORT_STATUSES = ['completed', 'dry-run', 'rejected'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export class ImportFailure {
  @ApiInteger({ description: '1-based line in the file, header included' })
  line!: number;
  @ApiText()
  reason!: string;
}

export class ImportView {
  @ApiId()
  importId!: string;
  @ApiEnum(IMPORT_STATUSES, 'ImportStatus')
  status!: ImportStatus;
  @ApiInteger()
  inserted!: number;
  @ApiInteger({ description: 'rows already in the ledger (same external id or same content): skipped' })
  duplicates!: number;
  @ApiList(ImportFailure, { description: 'the first 1000 failures, in file order' })
  failed!: ImportFailure[];
  @ApiInteger({ description: 'every failure, also those beyond the first 1000 listed in `failed`' })
  failedCount!: number;
  @ApiTimestamp()
  createdAt!: string;
}
