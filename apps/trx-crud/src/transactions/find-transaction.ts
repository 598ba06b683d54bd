import { DomainError, ErrorCode } from '@finstack/contracts';
import { EntityManager } from 'typeorm';
import { TransactionEntity } from './transaction.entity';

/** The user's transaction with this id; another user's transaction is as absent as a missing one. */
export async function findUserTransaction(
  manager: EntityManager,
  userId: string,
  id: string,
): Promise<TransactionEntity> {
  const transaction = await manager.findOneBy(TransactionEntity, { id, userId });
  if (!transaction) throw new DomainError(ErrorCode.TRANSACTION_NOT_FOUND, `transaction ${id} not found`);
  return transaction;
}
