import { DomainError, ErrorCode } from '@finstack/contracts';
import { isForeignKeyViolation, isUniqueViolation } from '@finstack/database';

/**
 * Turns what the indexes refused into errors a user can act on: the unique
 * (user_id, external_id) index, and the foreign key to the user's categories,
 * which only trips when the category was deleted a moment ago (MySQL).
 */
export async function explainTransactionWriteErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError(ErrorCode.EXTERNAL_ID_TAKEN, 'you already have a transaction with this externalId');
    }
    if (isForeignKeyViolation(error)) {
      throw new DomainError(ErrorCode.CATEGORY_NOT_FOUND, 'the category was not found');
    }
    throw error;
  }
}
