import { DomainError, ErrorCode, isCalendarDate } from '@finstack/contracts';
import { isUUID } from 'class-validator';

/** Where a page ended, in list order (occurred_on DESC, id DESC). */
export interface TransactionCursor {
  occurredOn: string;
  id: string;
}

export function encodeCursor({ occurredOn, id }: TransactionCursor): string {
  return Buffer.from(`${occurredOn}|${id}`, 'utf8').toString('base64url');
}

/** The position a nextCursor stands for; anything else is the caller's mistake (400), not ours. */
export function decodeCursor(text: string): TransactionCursor {
  const [occurredOn, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !isCalendarDate(occurredOn) || id === undefined || !isUUID(id)) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'cursor is not a nextCursor returned by this list', [
      { field: 'query.cursor', errors: ['cursor must be a nextCursor value returned by this endpoint'] },
    ]);
  }
  return { occurredOn, id: id.toLowerCase() };
}
