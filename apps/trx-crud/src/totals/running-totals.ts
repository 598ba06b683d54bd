import { SqlExecutor } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isMysql } from '../common/sql';
import { CATEGORY_KEY, MERCHANT_KEY, MONTH_OF_DAY, RECEIVED_SUM, SPENT_SUM } from './totals-sql';
import { TransactionSelection } from './transaction-selection';

/** +1 counts the selected transactions in, -1 counts them out. */
export type TotalsSign = 1 | -1;

interface TotalsTable {
  name: string;
  /**
   * Key columns after user_id (and before the slot), and the expression that
   * fills each from a transaction `t`; '?' stands for a value given with the
   * statement.
   */
  keys: { column: string; value: string }[];
}

const GIVEN = '?';
/** In place of a user id: each selected transaction counts for its own user. */
const ANY_USER = null;

/**
 * How many rows a total is spread over on MySQL. A writer adds to the slot of
 * its database connection, so concurrent writers of one user, day, category
 * and payee (50 at once, each waiting for the commit and fsync of the one
 * before it, when there was one row) each lock a row of their own. Readers
 * SUM over the slots, as they SUM over days. SQLite runs one write at a time:
 * it always uses slot 0.
 */
export const TOTALS_SLOTS = 16;
const MYSQL_SLOT = `CONNECTION_ID() % ${TOTALS_SLOTS}`;

/** Per user, currency and day: cash flow and month series for any period. */
const DAILY: TotalsTable = {
  name: 'ledger_daily_totals',
  keys: [
    { column: 'currency', value: 't.currency' },
    { column: 'day', value: 't.occurred_on' },
  ],
};

/** Per user, currency, month, category and merchant: breakdowns by category and merchant. */
const MONTHLY: TotalsTable = {
  name: 'ledger_monthly_totals',
  keys: [
    { column: 'currency', value: 't.currency' },
    { column: 'month', value: MONTH_OF_DAY },
    { column: 'category_key', value: CATEGORY_KEY },
    { column: 'merchant_key', value: MERCHANT_KEY },
  ],
};

const SUMS = ['spent_minor', 'received_minor', 'tx_count'];

/**
 * Keeps the ledger's running totals in step with its transactions, inside the
 * same database transaction as the change: reports then read a few thousand
 * total rows instead of a million transactions. Each change is one
 * INSERT … SELECT … GROUP BY per table that adds (or subtracts) the selected
 * transactions as they are in the database at that moment, so a caller counts
 * rows out before changing or deleting them and counts them in afterwards.
 *
 * Every caller touches the daily table before the monthly one, so two
 * writers of the same user take the total rows' locks in the same order.
 * Each key's total is spread over slots (TOTALS_SLOTS): what a report reads
 * is the SUM of a key's rows, which may each be negative.
 */
@Injectable()
export class RunningTotals {
  private readonly mysql: boolean;
  private readonly slot: string;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.mysql = isMysql(dataSource);
    this.slot = this.mysql ? MYSQL_SLOT : '0';
  }

  /** Counts the selected transactions in or out of every total. */
  async count(executor: SqlExecutor, userId: string, selection: TransactionSelection, sign: TotalsSign): Promise<void> {
    await this.apply(executor, DAILY, userId, selection, sign);
    await this.apply(executor, MONTHLY, userId, selection, sign);
  }

  /** Counts in the selected transactions of any users (a batch of creates): each into its own user's totals. */
  async countInEveryUser(executor: SqlExecutor, selection: TransactionSelection): Promise<void> {
    await this.apply(executor, DAILY, ANY_USER, selection, 1);
    await this.apply(executor, MONTHLY, ANY_USER, selection, 1);
  }

  /**
   * Moves the selected transactions from their category to `categoryId` in the
   * totals by category (the daily totals do not depend on categories); call it
   * before the transactions themselves change category.
   */
  async moveCategory(executor: SqlExecutor, userId: string, selection: TransactionSelection, categoryId: string | null) {
    await this.apply(executor, MONTHLY, userId, selection, -1);
    const keys = MONTHLY.keys.map((key) => (key.column === 'category_key' ? { ...key, value: GIVEN } : key));
    const asCategory = { ...MONTHLY, keys };
    await this.apply(executor, asCategory, userId, selection, 1, [categoryId ?? '']);
  }

  /** Counts the selected transactions out of the totals by category, before their categories change. */
  countOutOfCategories(executor: SqlExecutor, userId: string, selection: TransactionSelection): Promise<void> {
    return this.apply(executor, MONTHLY, userId, selection, -1);
  }

  /** Counts the selected transactions back in, after their categories changed. */
  countIntoCategories(executor: SqlExecutor, userId: string, selection: TransactionSelection): Promise<void> {
    return this.apply(executor, MONTHLY, userId, selection, 1);
  }

  private async apply(
    executor: SqlExecutor,
    table: TotalsTable,
    userId: string | typeof ANY_USER,
    selection: TransactionSelection,
    sign: TotalsSign,
    keyParams: unknown[] = [],
  ): Promise<void> {
    const keyColumns = ['user_id', ...table.keys.map((key) => key.column), 'slot'];
    const columns = [...keyColumns, ...SUMS];
    const values = table.keys.map((key) => key.value);
    const grouping = [...(userId === ANY_USER ? ['t.user_id'] : []), ...values.filter((value) => value !== GIVEN)];
    const sums = [SPENT_SUM, RECEIVED_SUM, 'COUNT(*)'].map((sum) => (sign === 1 ? sum : `-${sum}`));
    const indexHint = !this.mysql && selection.sqliteIndex ? ` INDEXED BY ${selection.sqliteIndex}` : '';
    const user = userId === ANY_USER ? { column: 't.user_id', where: '', params: [] } : { column: '?', where: 't.user_id = ? AND ', params: [userId] };
    const select =
      `SELECT ${[user.column, ...values, this.slot, ...sums].join(', ')} FROM transactions t${indexHint} ` +
      `WHERE ${user.where}${selection.where} GROUP BY ${grouping.join(', ')}`;
    const upsert = this.mysql
      ? ` ON DUPLICATE KEY UPDATE ${SUMS.map((sum) => `${sum} = ${sum} + VALUES(${sum})`).join(', ')}`
      : ` ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ` +
        SUMS.map((sum) => `${sum} = ${sum} + excluded.${sum}`).join(', ');
    // Key parameters (a fixed category) come first: they sit in the SELECT list, before the WHERE.
    await executor.query(`INSERT INTO ${table.name} (${columns.join(', ')}) ${select}${upsert}`, [
      ...user.params,
      ...keyParams,
      ...user.params,
      ...selection.params,
    ]);
  }
}
