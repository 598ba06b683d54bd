import { CategorySource } from '@finstack/contracts';
import { SelectQueryBuilder } from 'typeorm';
import { TransactionEntity } from './transaction.entity';
import { TransactionRecord } from './transaction.view';

/**
 * A page of transactions read as raw rows. TypeORM's generic entity hydration
 * was about a tenth of the list's CPU; these columns need only two fix-ups,
 * which differ by driver.
 */
interface RawTransactionRow {
  t_id: string;
  t_occurred_on: string;
  /** A string from MySQL (BIGINT kept exact), a number from SQLite. */
  t_amount_minor: string | number;
  t_currency: string;
  t_description: string;
  t_merchant: string | null;
  t_category_id: string | null;
  t_category_source: CategorySource;
  /** A number from both drivers (DOUBLE / REAL). */
  t_category_confidence: number | null;
  t_category_reason: string | null;
  t_external_id: string | null;
  t_import_id: string | null;
  /** A Date from MySQL; 'YYYY-MM-DD HH:MM:SS.SSS' in UTC from SQLite. */
  t_created_at: Date | string;
  t_updated_at: Date | string;
}

const PAGE_COLUMNS = [
  't.id',
  't.occurredOn',
  't.amountMinor',
  't.currency',
  't.description',
  't.merchant',
  't.categoryId',
  't.categorySource',
  't.categoryConfidence',
  't.categoryReason',
  't.externalId',
  't.importId',
  't.createdAt',
  't.updatedAt',
];

const utcTimestamp = (value: Date | string): Date =>
  value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);

/** Runs the query for everything a TransactionView shows (not the owner: the caller knows it). */
export async function selectTransactionRows(query: SelectQueryBuilder<TransactionEntity>): Promise<TransactionRecord[]> {
  const rows = await query.select(PAGE_COLUMNS).getRawMany<RawTransactionRow>();
  return rows.map((row) => ({
    id: row.t_id,
    occurredOn: row.t_occurred_on,
    amountMinor: BigInt(row.t_amount_minor),
    currency: row.t_currency,
    description: row.t_description,
    merchant: row.t_merchant,
    categoryId: row.t_category_id,
    categorySource: row.t_category_source,
    categoryConfidence: row.t_category_confidence,
    categoryReason: row.t_category_reason,
    externalId: row.t_external_id,
    importId: row.t_import_id,
    createdAt: utcTimestamp(row.t_created_at),
    updatedAt: utcTimestamp(row.t_updated_at),
  }));
}
