import type { TokenAnswer } from './types';

export interface TokenRefresherOptions {
  /** Exchanges the refresh cookie for a new access token; rejects when the session is over. */
  refresh: () => Promise<TokenAnswer>;
  /** Seconds before expiry at which the silent refresh runs. */
  leadSeconds?: number;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

type Listener = (token: string | null) => void;

/**
 * Holds the access token in memory only (never in storage) and refreshes it
 * silently shortly before it expires. Concurrent callers of refreshNow share
 * one request: the refresh token is good for one exchange, so two parallel
 * refreshes would revoke the session.
 */
export class TokenRefresher {
  private token: string | null = null;
  private expiresAt = 0;
  private timer: unknown;
  private inFlight: Promise<string | null> | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly lead: number;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: TokenRefresherOptions) {
    this.lead = (options.leadSeconds ?? 60) * 1000;
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  get accessToken(): string | null {
    return this.token;
  }

  /** Whether the token is still good for at least `marginMs`. */
  isFresh(marginMs = 5_000): boolean {
    return this.token !== null && this.now() + marginMs < this.expiresAt;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A new token (from a log-in or a refresh): keep it and plan the next refresh. */
  accept(answer: TokenAnswer): void {
    this.token = answer.accessToken;
    this.expiresAt = this.now() + answer.expiresIn * 1000;
    this.schedule(Math.max(answer.expiresIn * 1000 - this.lead, 1_000));
    this.emit();
  }

  /** Refreshes now (one request however many callers); resolves to null when the session is over. */
  refreshNow(): Promise<string | null> {
    this.inFlight ??= this.options
      .refresh()
      .then(
        (answer) => {
          this.accept(answer);
          return answer.accessToken;
        },
        () => {
          this.clear();
          return null;
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** Forget the token (signed out, or the session ended). */
  clear(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    const had = this.token !== null;
    this.token = null;
    this.expiresAt = 0;
    if (had) this.emit();
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      void this.refreshNow();
    }, ms);
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.token);
  }
}
