import { DomainError, ErrorCode, IDEMPOTENCY_KEY_PATTERN } from '@finstack/contracts';

/** Checks the Idempotency-Key header: absent is fine, malformed is a 400. */
export function parseIdempotencyKey(header: string | undefined): { idempotencyKey: string } | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Idempotency-Key must be 1 to 255 visible ASCII characters');
  }
  return { idempotencyKey: header };
}
