import { DomainError, ErrorCode, ListTransactionsQuery } from '@finstack/contracts';
import { Brackets, SelectQueryBuilder } from 'typeorm';
import { MinorUnitRange, minorUnitRanges } from './amount-range';
import { containsPattern, LIKE_ESCAPE } from './text-search';
import { TransactionEntity } from './transaction.entity';

/** Filters that cannot both hold are the caller's mistake (400), not an empty page. */
export function refuseContradictoryFilters(query: ListTransactionsQuery): void {
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

/** Adds the query's filters to a select of transactions aliased `t`. */
export function applyTransactionFilters(select: SelectQueryBuilder<TransactionEntity>, query: ListTransactionsQuery): void {
  if (query.from !== undefined) select.andWhere('t.occurredOn >= :from', { from: query.from });
  if (query.to !== undefined) select.andWhere('t.occurredOn <= :to', { to: query.to });
  if (query.categoryId !== undefined) select.andWhere('t.categoryId = :categoryId', { categoryId: query.categoryId });
  if (query.uncategorized === true) select.andWhere('t.categoryId IS NULL');
  // Another user's import id matches none of this user's rows: an empty page, not an error.
  if (query.importId !== undefined) select.andWhere('t.importId = :importId', { importId: query.importId.toLowerCase() });
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
