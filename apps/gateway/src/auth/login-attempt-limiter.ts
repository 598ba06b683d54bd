import { DomainError, ErrorCode } from '@finstack/contracts';

/**
 * Slows down password guessing, per (client IP, email) and more loosely per IP.
 * Abstract so that an implementation shared by several gateway replicas
 * (Redis) can replace the in-memory one without touching the log-in use case.
 */
export abstract class LoginAttemptLimiter {
  /**
   * Counts one attempt as a failure before the password is checked, so a burst
   * of parallel guesses cannot slip past the limit while hashing is under way.
   * Throws TOO_MANY_REQUESTS, right password or not, while a limit is reached.
   */
  abstract beginAttempt(ip: string, emailKey: string): Promise<void>;

  /** The attempt was right: forget the (ip, email) failures and give back the IP's count. */
  abstract attemptSucceeded(ip: string, emailKey: string): Promise<void>;
}

/** `details.retryAfterSeconds` becomes the Retry-After header in the HTTP error filter. */
export function tooManyFailedLogins(retryAfterSeconds: number): DomainError {
  return new DomainError(
    ErrorCode.TOO_MANY_REQUESTS,
    `too many failed log-ins; try again in ${retryAfterSeconds} seconds`,
    { retryAfterSeconds },
  );
}
