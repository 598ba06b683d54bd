import { createHash } from 'node:crypto';
import { backoffMs } from './backoff';
import { CircuitBreaker, CircuitState } from './circuit-breaker';
import { MarketDataProvider } from './market-data-provider';
import { ProviderCircuitOpenError, ProviderRateLimitedError, ProviderUnavailableError } from './provider-errors';
import { TokenBucket } from './token-bucket';

export interface GateSettings {
  /** The provider's documented limit per key. */
  callsPerMinute: number;
  /** The provider's documented burst cap per second, if any. */
  maxCallsPerSecond: number;
  /** Tries after the first, on a 429 or an outage. */
  retries: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Outages in a row that open the circuit. */
  circuitThreshold: number;
  circuitOpenMs: number;
}

export interface GateHealth {
  provider: string;
  circuit: CircuitState;
  lastFailure?: string;
  retryAt?: string;
}

/**
 * Every call to the provider goes through here: a token bucket per API key at
 * the documented rate, retries with jittered backoff on 429 and outages (a 429
 * also pauses that key's bucket, for Retry-After when given), and one circuit
 * for the provider that outages (not 429s, not refused keys) open.
 */
export class ProviderGate {
  private readonly buckets = new Map<string, TokenBucket>();
  readonly circuit: CircuitBreaker;

  constructor(
    readonly provider: MarketDataProvider,
    private readonly settings: GateSettings,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    private readonly clock: () => number = Date.now,
  ) {
    this.circuit = new CircuitBreaker(settings.circuitThreshold, settings.circuitOpenMs, clock);
  }

  /**
   * `retryUntil` (epoch ms): no retry that would start later, so a poll that
   * must end in time gives a limited key's ticker back rather than wait for it.
   */
  call<T>(apiKey: string, work: (provider: MarketDataProvider) => Promise<T>, options: { retryUntil?: number } = {}): Promise<T> {
    return this.attempt(apiKey, work, 0, options.retryUntil ?? Number.POSITIVE_INFINITY);
  }

  /** How long the key's next call would wait for its bucket. */
  waitMs(apiKey: string): number {
    return this.bucketOf(apiKey).waitMs();
  }

  health(): GateHealth {
    const circuit = this.circuit.state;
    const health: GateHealth = { provider: this.provider.id, circuit };
    if (this.circuit.lastFailure) health.lastFailure = this.circuit.lastFailure;
    if (circuit !== 'closed') health.retryAt = this.circuit.retryAt?.toISOString();
    return health;
  }

  private async attempt<T>(apiKey: string, work: (provider: MarketDataProvider) => Promise<T>, attempt: number, retryUntil: number): Promise<T> {
    const bucket = this.bucketOf(apiKey);
    await bucket.take();
    if (!this.circuit.allow()) throw new ProviderCircuitOpenError(this.provider.displayName, this.circuit.retryAt ?? new Date(this.clock()));
    try {
      const result = await work(this.provider);
      this.circuit.success();
      return result;
    } catch (error) {
      if (error instanceof ProviderRateLimitedError) {
        // Not an outage: the provider answered. The key slows down; the circuit stays as it is.
        this.circuit.success();
        const wait = error.retryAfterMs ?? backoffMs(attempt, this.settings.backoffBaseMs, this.settings.backoffCapMs);
        bucket.pause(Math.min(wait, this.settings.backoffCapMs));
        if (attempt >= this.settings.retries || this.clock() + bucket.waitMs() > retryUntil) throw error;
        return this.attempt(apiKey, work, attempt + 1, retryUntil);
      }
      if (error instanceof ProviderUnavailableError) {
        this.circuit.failure(error.message);
        const wait = backoffMs(attempt, this.settings.backoffBaseMs, this.settings.backoffCapMs);
        if (attempt >= this.settings.retries || this.circuit.state !== 'closed' || this.clock() + wait > retryUntil) throw error;
        await this.sleep(wait);
        return this.attempt(apiKey, work, attempt + 1, retryUntil);
      }
      // A refused key: the provider is fine.
      this.circuit.success();
      throw error;
    }
  }

  private bucketOf(apiKey: string): TokenBucket {
    // Keyed by a hash: the map never holds the key itself.
    const id = createHash('sha256').update(apiKey).digest('hex');
    let bucket = this.buckets.get(id);
    if (!bucket) {
      const perSecond = this.settings.callsPerMinute / 60;
      const capacity = Math.max(1, Math.min(this.settings.maxCallsPerSecond, this.settings.callsPerMinute));
      bucket = new TokenBucket(capacity, perSecond, this.clock, this.sleep);
      this.buckets.set(id, bucket);
    }
    return bucket;
  }
}
