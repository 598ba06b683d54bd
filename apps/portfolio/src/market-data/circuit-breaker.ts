export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * Opens after `threshold` failures in a row; while open, calls are refused
 * without reaching the provider. After `openMs` one trial call goes through
 * (half-open): a success closes the circuit, a failure opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;
  lastFailure: string | undefined;

  constructor(
    private readonly threshold: number,
    private readonly openMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.clock() - this.openedAt >= this.openMs ? 'half-open' : 'open';
  }

  /** When an open circuit lets a trial through. */
  get retryAt(): Date | undefined {
    return this.openedAt === undefined ? undefined : new Date(this.openedAt + this.openMs);
  }

  /** Whether a call may go now; in half-open, only one at a time. */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  failure(reason: string): void {
    this.lastFailure = reason;
    this.failures += 1;
    if (this.trialInFlight || this.failures >= this.threshold) this.openedAt = this.clock();
    this.trialInFlight = false;
  }
}
