import { DomainError, ErrorCode } from '@finstack/contracts';
import { EntityManager } from 'typeorm';
import { TransactionEntity } from './transaction.entity';

/**
 * The user's transaction with this id; another user's transaction is as
 * absent as a missing one. `forUpdate` locks the row until commit on MySQL,
 * so that concurrent changes of one transaction queue up instead of
 * deadlocking over its running totals (SQLite runs writes one at a time).
 */
export async function findUserTransaction(
  manager: EntityManager,
  userId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<TransactionEntity> {
  const lock = options.forUpdate && manager.connection.options.type === 'mysql';
  const transaction = await manager.findOne(TransactionEntity, {
    where: { id, userId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!transaction) throw new DomainError(ErrorCode.TRANSACTION_NOT_FOUND, `transaction ${id} not found`);
  return transaction;
}
