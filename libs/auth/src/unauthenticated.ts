import { DomainError, ErrorCode } from '@finstack/contracts';

/**
 * The one 401 of token verification. An expired token is named as such so a
 * client knows to refresh; every other failure gets the same vague message.
 */
export function unauthenticated(reason: unknown): DomainError {
  const expired = typeof reason === 'object' && reason !== null && (reason as Error).name === 'TokenExpiredError';
  return new DomainError(
    ErrorCode.UNAUTHENTICATED,
    expired ? 'access token has expired' : 'a valid Bearer access token is required',
  );
}
