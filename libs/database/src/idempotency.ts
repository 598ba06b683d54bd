import { createHash } from 'node:crypto';

/**
 * The table-agnostic half of request idempotency (Stripe-style keys): how a
 * request is fingerprinted and what a stored response means for a new request
 * with the same key. Each app keeps the stored responses in its own table.
 */

/** How long a stored response is replayed; afterwards the key may be used again. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** JSON with object keys sorted at every depth, so equal requests serialise alike whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, nested: unknown) =>
    nested !== null && typeof nested === 'object' && !Array.isArray(nested)
      ? Object.fromEntries(
          Object.keys(nested)
            .sort()
            .map((key) => [key, (nested as Record<string, unknown>)[key]]),
        )
      : nested,
  );
}

/** sha256 (hex, 64 characters) of the canonical JSON of a validated request. */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

/** What an app stored for a key: the fingerprint of the first request and its response. */
export interface StoredIdempotentResponse {
  requestHash: string;
  responseBody: string;
  expiresAt: Date;
}

export type IdempotencyDecision =
  /** Run the request and store its response; `replacesExpired` says an expired record must go first. */
  | { kind: 'execute'; replacesExpired: boolean }
  /** The same request was answered before: send the stored response again, change nothing. */
  | { kind: 'replay'; responseBody: string }
  /** The key was used for a different request: refuse (422). */
  | { kind: 'reused' };

export function decideIdempotency(
  stored: StoredIdempotentResponse | null,
  hash: string,
  now: Date = new Date(),
): IdempotencyDecision {
  if (!stored) return { kind: 'execute', replacesExpired: false };
  if (stored.expiresAt.getTime() <= now.getTime()) return { kind: 'execute', replacesExpired: true };
  return stored.requestHash === hash ? { kind: 'replay', responseBody: stored.responseBody } : { kind: 'reused' };
}

export function idempotencyExpiry(now: Date = new Date()): Date {
  return new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
}
