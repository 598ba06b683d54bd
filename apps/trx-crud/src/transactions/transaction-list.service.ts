import { DEFAULT_PAGE_SIZE, ListTransactionsQuery, TransactionPage } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { findUserCategory } from '../categories/find-category';
import { decodeCursor, encodeCursor } from './transaction-cursor';
import { applyTransactionFilters, refuseContradictoryFilters } from './transaction-filters';
import { selectTransactionRows } from './transaction-row';
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
    refuseContradictoryFilters(query);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const manager = this.dataSource.manager;
    // Filtering by someone else's category is answered like using it anywhere else: not found.
    if (query.categoryId !== undefined) await findUserCategory(manager, userId, query.categoryId);

    const select = manager
      .createQueryBuilder(TransactionEntity, 't')
      .where('t.userId = :userId', { userId })
      .orderBy('t.occurredOn', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(limit + 1); // one more than asked tells whether another page follows
    applyTransactionFilters(select, query);
    if (after) {
      // Rows after the cursor: (occurred_on, id) < (afterOn, afterId). The leading `<=` gives every
      // index that ends in (occurred_on, id) a range to start from; without it MySQL may read an
      // import's whole index from the top and filter (measured 300 ms a page at 100,000 rows).
      select.andWhere('t.occurredOn <= :afterOn', { afterOn: after.occurredOn }).andWhere(
        new Brackets((where) =>
          where.where('t.occurredOn < :afterOn').orWhere('t.id < :afterId', { afterId: after.id }),
        ),
      );
    }

    const rows = await selectTransactionRows(select);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toTransactionView),
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }
}
