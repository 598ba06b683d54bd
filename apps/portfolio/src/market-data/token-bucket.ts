/**
 * A token bucket: `capacity` calls at once, refilled at `perSecond`. take()
 * waits for a token rather than failing; pause() empties it until a time (a
 * 429's Retry-After), so every caller of that key slows down together.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly clock: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.tokens = capacity;
    this.updatedAt = clock();
  }

  /** Waits its turn (callers are served in order), then spends one token. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** How long a take() now would wait, without taking. */
  waitMs(): number {
    this.refill();
    const paused = Math.max(0, this.pausedUntil - this.clock());
    const empty = this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.perSecond) * 1000;
    return Math.max(paused, empty);
  }

  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock() + ms);
    this.tokens = 0;
    this.updatedAt = this.clock();
  }

  private async waitForToken(): Promise<void> {
    for (;;) {
      const wait = this.waitMs();
      if (wait <= 0) break;
      await this.sleep(Math.ceil(wait));
    }
    this.tokens -= 1;
  }

  private refill(): void {
    const now = this.clock();
    if (now < this.pausedUntil) return;
    const from = Math.max(this.updatedAt, this.pausedUntil);
    this.tokens = Math.min(this.capacity, this.tokens + ((now - from) / 1000) * this.perSecond);
    this.updatedAt = now;
  }
}
