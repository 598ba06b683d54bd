/**
 * Which events notifications has pushed, so a relay's retry of an event it
 * already pushed is acknowledged without a second push. An event is claimed
 * before its push and completed after it; a claim left by a delivery that
 * failed or died ends by itself, so the event is pushed on a later retry.
 */
export type Claim = 'new' | 'done' | 'busy';

export abstract class DeliveredEvents {
  /** Per id: new (claimed now: push it), done (pushed before: acknowledge only), busy (being pushed by another delivery). */
  abstract claim(ids: readonly string[]): Promise<Claim[]>;
  /** The events were pushed; remembered for a day in Redis, as long as the capacity allows in memory. */
  abstract complete(ids: readonly string[]): Promise<void>;
  /** The events could not be pushed; the next delivery may claim them. */
  abstract release(ids: readonly string[]): Promise<void>;
}

/** A claim outlives any delivery (bounded by the relay's RPC timeout) but not a crash for long. */
export const CLAIM_TTL_MS = 30_000;
export const DONE_TTL_MS = 24 * 60 * 60 * 1000;
