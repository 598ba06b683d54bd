import {
  DEFAULT_PAGE_SIZE,
  DomainError,
  ErrorCode,
  ListTransactionsQuery,
  TransactionPage,
} from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { findUserCategory } from '../categories/find-category';
import { MinorUnitRange, minorUnitRanges } from './amount-range';
import { containsPattern, LIKE_ESCAPE } from './text-search';
import { decodeCursor, encodeCursor } from './transaction-cursor';
import { TransactionEntity } from './transaction.entity';
import { toTransactionView } from './transaction.view';

/**
 * Lists a user's transactions newest first, filtered, a page at a time. Pages
 * are keyset pages on (occurred_on, id): no OFFSET, so a page costs the same
 * however deep, and rows added meanwhile never shift a page's start.
 */
@Injectable()
export class TransactionListService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(userId: string, query: ListTransactionsQuery): Promise<TransactionPage> {
    refuseContradictions(query);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const manager = this.dataSource.manager;
    if (query.categoryId !== undefined) await findUserCategory(manager, userId, query.categoryId);

    const select = manager
      .createQueryBuilder(TransactionEntity, 't')
      .where('t.userId = :userId', { userId })
      .orderBy('t.occurredOn', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(limit + 1); // one more than asked tells whether another page follows
    applyFilters(select, query);
    if (query.cursor !== undefined) {
      const after = decodeCursor(query.cursor);
      select.andWhere(
        new Brackets((where) =>
          where
            .where('t.occurredOn < :afterOn', { afterOn: after.occurredOn })
            .orWhere('t.occurredOn = :afterOn AND t.id < :afterId', { afterId: after.id }),
        ),
      );
    }

    const rows = await select.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toTransactionView),
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }
}

function refuseContradictions(query: ListTransactionsQuery): void {
  const problems: { field: string; errors: string[] }[] = [];
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    problems.push({ field: 'query.from', errors: ['from must not be after to'] });
  }
  if (query.categoryId !== undefined && query.uncategorized === true) {
    problems.push({ field: 'query.uncategorized', errors: ['uncategorized=true cannot be combined with categoryId'] });
  }
  if (problems.length > 0) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, problems.flatMap((p) => p.errors).join('; '), problems);
  }
}

function applyFilters(select: SelectQueryBuilder<TransactionEntity>, query: ListTransactionsQuery): void {
  if (query.from !== undefined) select.andWhere('t.occurredOn >= :from', { from: query.from });
  if (query.to !== undefined) select.andWhere('t.occurredOn <= :to', { to: query.to });
  if (query.categoryId !== undefined) select.andWhere('t.categoryId = :categoryId', { categoryId: query.categoryId });
  if (query.uncategorized === true) select.andWhere('t.categoryId IS NULL');
  if (query.minAmount !== undefined || query.maxAmount !== undefined) {
    select.andWhere(amountCondition(minorUnitRanges(query.minAmount, query.maxAmount)));
  }
  if (query.q !== undefined) {
    // LIKE ignores case on both databases: SQLite for ASCII letters, MySQL through its collation.
    select.andWhere(
      new Brackets((where) =>
        where
          .where(`t.description LIKE :q ESCAPE '${LIKE_ESCAPE}'`)
          .orWhere(`t.merchant LIKE :q ESCAPE '${LIKE_ESCAPE}'`),
      ),
      { q: containsPattern(query.q) },
    );
  }
}

/** One OR-group per currency class, each comparing minor units at that class's scale. */
function amountCondition(ranges: MinorUnitRange[]): Brackets {
  return new Brackets((where) => {
    if (ranges.length === 0) {
      where.where('1 = 0'); // no currency can hold an amount in this range
      return;
    }
    ranges.forEach((range, index) => {
      where.orWhere(
        new Brackets((group) => {
          group.where(`t.currency IN (:...currencies${index})`, { [`currencies${index}`]: range.currencies });
          if (range.min !== undefined) group.andWhere(`t.amountMinor >= :min${index}`, { [`min${index}`]: range.min });
          if (range.max !== undefined) group.andWhere(`t.amountMinor <= :max${index}`, { [`max${index}`]: range.max });
        }),
      );
    });
  });
}
