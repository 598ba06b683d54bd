import { ExtractJwt } from 'passport-jwt';
import { AuthUser } from './auth-user';

/** The raw bearer token of a request, as passport-jwt reads it. */
export const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

const DEFAULT_CAPACITY = 10_000;

/**
 * Remembers access tokens whose signature has already been checked, until they
 * expire, so a client's repeated requests skip the ECDSA verification (the
 * gateway's largest CPU cost per request). Keyed by the whole token, signature
 * included, so only a byte-identical token can hit. Bounded: the oldest entry
 * goes first.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { user: AuthUser; expiresAtMs: number }>();

  constructor(
    private readonly capacity = DEFAULT_CAPACITY,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): AuthUser | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.user;
  }

  remember(token: string, user: AuthUser, expiresAtSeconds: number): void {
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { user, expiresAtMs: expiresAtSeconds * 1000 });
  }

  get size(): number {
    return this.entries.size;
  }
}
