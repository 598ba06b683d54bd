import { DomainError, ErrorCode } from '@finstack/contracts';
import { isUUID } from 'class-validator';

/** Where a page of alerts ended: the last alert's id (list order is id DESC). */
export function encodeAlertCursor(alertId: string): string {
  return Buffer.from(alertId, 'utf8').toString('base64url');
}

/** The id a nextCursor stands for; anything else is the caller's mistake (400), not ours. */
export function decodeAlertCursor(text: string): string {
  const id = Buffer.from(text, 'base64url').toString('utf8');
  if (!isUUID(id)) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'cursor is not a nextCursor returned by this list', [
      { field: 'query.cursor', errors: ['cursor must be a nextCursor value returned by this endpoint'] },
    ]);
  }
  return id.toLowerCase();
}
