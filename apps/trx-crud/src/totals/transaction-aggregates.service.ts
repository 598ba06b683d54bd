import { AggregateTransactionsMessage, DomainError, ErrorCode, TransactionAggregate } from '@finstack/contracts';
import { payeeLabel } from '@finstack/statement-text';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { splitIntoMonths } from './month-span';
import { CATEGORY_KEY, MERCHANT_KEY, RECEIVED_SUM, SPENT_SUM } from './totals-sql';

/** A group as the database returns it: SUMs come back as text (MySQL) or numbers (SQLite). */
interface GroupRow {
  currency: string;
  k: string;
  spent: string | number;
  received: string | number;
  n: string | number;
}

interface Group {
  key: string;
  currency: string;
  spent: bigint;
  received: bigint;
  count: number;
}

const toGroup = (row: GroupRow): Group => ({
  key: String(row.k),
  currency: row.currency,
  spent: BigInt(row.spent),
  received: BigInt(row.received),
  count: Number(row.n),
});

/**
 * The ledger's aggregate pattern: totals of a user's transactions between two
 * days, per currency and per day, month, category or merchant. Every answer
 * is an SQL GROUP BY over the running totals; only the days of months that a
 * period covers in part are grouped from the transactions themselves.
 */
@Injectable()
export class TransactionAggregatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async aggregate(message: AggregateTransactionsMessage): Promise<TransactionAggregate[]> {
    const { userId, from, to, groupBy, currency, limit } = message;
    if (from > to) throw new DomainError(ErrorCode.VALIDATION_FAILED, `from (${from}) is after to (${to})`);
    const byCurrency = currency === undefined ? '' : ' AND currency = ?';
    const currencyParams = currency === undefined ? [] : [currency];
    if (groupBy === 'day' || groupBy === 'month') {
      const key = groupBy === 'day' ? 'day' : 'SUBSTR(day, 1, 7)';
      const rows = await this.groups(
        `SELECT currency, ${key} AS k, SUM(spent_minor) AS spent, SUM(received_minor) AS received, SUM(tx_count) AS n ` +
          `FROM ledger_daily_totals WHERE user_id = ? AND day BETWEEN ? AND ?${byCurrency} ` +
          `GROUP BY currency, ${key} HAVING SUM(tx_count) > 0`,
        [userId, from, to, ...currencyParams],
      );
      return mostSpentFirst(rows, limit).map((group) => toAggregate(group, group.key, null));
    }
    const [keyColumn, keyOfTransaction] =
      groupBy === 'category' ? ['category_key', CATEGORY_KEY] : ['merchant_key', MERCHANT_KEY];
    const span = splitIntoMonths(from, to);
    const parts: Promise<Group[]>[] = [];
    if (span.wholeMonths) {
      parts.push(
        this.groups(
          `SELECT currency, ${keyColumn} AS k, SUM(spent_minor) AS spent, SUM(received_minor) AS received, ` +
            `SUM(tx_count) AS n FROM ledger_monthly_totals WHERE user_id = ?${byCurrency} AND month BETWEEN ? AND ? ` +
            `GROUP BY currency, ${keyColumn} HAVING SUM(tx_count) > 0`,
          [userId, ...currencyParams, span.wholeMonths.first, span.wholeMonths.last],
        ),
      );
    }
    for (const days of span.partialDays) {
      parts.push(
        this.groups(
          `SELECT t.currency AS currency, ${keyOfTransaction} AS k, ${SPENT_SUM} AS spent, ${RECEIVED_SUM} AS received, ` +
            `COUNT(*) AS n FROM transactions t WHERE t.user_id = ? AND t.occurred_on BETWEEN ? AND ?` +
            `${currency === undefined ? '' : ' AND t.currency = ?'} GROUP BY t.currency, ${keyOfTransaction}`,
          [userId, days.from, days.to, ...currencyParams],
        ),
      );
    }
    const merged = mostSpentFirst(this.merge((await Promise.all(parts)).flat()), limit);
    if (groupBy === 'merchant') {
      return merged.map((group) => (group.key === '' ? toAggregate(group, null, null) : toAggregate(group, group.key, payeeLabel(group.key))));
    }
    const names = await this.categoryNames(userId);
    return merged.map((group) =>
      group.key === '' ? toAggregate(group, null, null) : toAggregate(group, group.key, names.get(group.key) ?? null),
    );
  }

  private async groups(sql: string, params: unknown[]): Promise<Group[]> {
    const rows: GroupRow[] = await this.dataSource.query(sql, params);
    return rows.map(toGroup);
  }

  /** Adds up the groups of the whole months and of the days around them. */
  private merge(groups: Group[]): Group[] {
    const merged = new Map<string, Group>();
    for (const group of groups) {
      const id = `${group.currency}\u0000${group.key}`;
      const seen = merged.get(id);
      if (!seen) merged.set(id, { ...group });
      else {
        seen.spent += group.spent;
        seen.received += group.received;
        seen.count += group.count;
      }
    }
    return [...merged.values()];
  }

  private async categoryNames(userId: string): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      'SELECT id, name FROM categories WHERE user_id = ?',
      [userId],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}

/** Groups by spending, then by money received, then by key; the first `limit` of them when one is given. */
function mostSpentFirst(groups: Group[], limit?: number): Group[] {
  const sorted = [...groups].sort(
    (a, b) =>
      (a.spent === b.spent ? 0 : a.spent > b.spent ? -1 : 1) ||
      (a.received === b.received ? 0 : a.received > b.received ? -1 : 1) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return limit === undefined ? sorted : sorted.slice(0, limit);
}

function toAggregate(group: Group, key: string | null, label: string | null): TransactionAggregate {
  return {
    key,
    label,
    currency: group.currency,
    spentMinor: group.spent.toString(),
    receivedMinor: group.received.toString(),
    count: group.count,
  };
}
