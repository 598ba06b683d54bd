export interface WindowedCounterOptions {
  windowMs: number;
  /** Hard cap on tracked keys; past it the oldest window is dropped. */
  maxKeys: number;
  now?: () => number;
}

interface Window {
  count: number;
  endsAt: number;
}

/**
 * Counts events per key in a fixed window that opens at the key's first event.
 * Memory stays bounded: windows are kept in the order they opened, which is the
 * order they end, so expired ones are dropped from the front as new ones arrive,
 * and a hard cap drops the oldest if a flood of keys outruns expiry.
 */
export class WindowedCounter {
  private readonly windows = new Map<string, Window>();
  private readonly now: () => number;

  constructor(private readonly options: WindowedCounterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds until the key is below `limit` again; 0 when it already is. */
  blockedForMs(key: string, limit: number): number {
    const window = this.current(key);
    return window && window.count >= limit ? window.endsAt - this.now() : 0;
  }

  increment(key: string): void {
    const now = this.now();
    this.evictExpired(now);
    const window = this.current(key);
    if (window) {
      window.count += 1;
      return;
    }
    if (this.windows.size >= this.options.maxKeys) this.evictOldest();
    this.windows.set(key, { count: 1, endsAt: now + this.options.windowMs });
  }

  decrement(key: string): void {
    const window = this.current(key);
    if (window && window.count > 0) window.count -= 1;
  }

  clear(key: string): void {
    this.windows.delete(key);
  }

  get trackedKeys(): number {
    return this.windows.size;
  }

  private current(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.endsAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private evictExpired(now: number): void {
    for (const [key, window] of this.windows) {
      if (window.endsAt > now) break;
      this.windows.delete(key);
    }
  }

  private evictOldest(): void {
    const oldest = this.windows.keys().next();
    if (!oldest.done) this.windows.delete(oldest.value);
  }
}
