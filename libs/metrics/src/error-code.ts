import { DomainError, ErrorCode } from '@finstack/contracts';
import { isUniqueViolation } from '@finstack/database';

/**
 * The code a caller receives for this exception, as the RPC exception filter
 * (libs/rpc) answers it: a domain error keeps its code, a unique-index race is
 * a conflict, anything else is internal.
 */
export function errorCodeOf(exception: unknown): ErrorCode {
  if (exception instanceof DomainError) return exception.code;
  if (isUniqueViolation(exception)) return ErrorCode.CONFLICT;
  return ErrorCode.INTERNAL;
}

/** Where the HTTP error filter leaves the code it answered, for the metrics middleware to count. */
export const ERROR_CODE_LOCAL = 'errorCode';
