import { CategorySource } from '@finstack/contracts';
import { SelectQueryBuilder } from 'typeorm';
import { TransactionEntity } from './transaction.entity';

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
  t_external_id: string | null;
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
  't.externalId',
  't.createdAt',
  't.updatedAt',
];

const utcTimestamp = (value: Date | string): Date =>
  value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);

/** Runs the query for everything a TransactionView shows (not the owner: the caller knows it). */
export async function selectTransactionRows(
  query: SelectQueryBuilder<TransactionEntity>,
): Promise<Omit<TransactionEntity, 'userId'>[]> {
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
    externalId: row.t_external_id,
    createdAt: utcTimestamp(row.t_created_at),
    updatedAt: utcTimestamp(row.t_updated_at),
  }));
}
