import { LoginAttemptLimiter, tooManyFailedLogins } from './login-attempt-limiter';
import { WindowedCounter } from './windowed-counter';

export interface LoginLimits {
  maxFailuresPerIpAndEmail: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
  /** Bound on memory: at most this many (ip, email) pairs and as many IPs are tracked. */
  maxTrackedKeys?: number;
  now?: () => number;
}

const DEFAULT_MAX_TRACKED_KEYS = 100_000;

/** Limits for one gateway process; with several replicas each counts alone. */
export class InMemoryLoginAttemptLimiter extends LoginAttemptLimiter {
  private readonly byIpAndEmail: WindowedCounter;
  private readonly byIp: WindowedCounter;

  constructor(private readonly limits: LoginLimits) {
    super();
    const counter = {
      windowMs: limits.windowSeconds * 1000,
      maxKeys: limits.maxTrackedKeys ?? DEFAULT_MAX_TRACKED_KEYS,
      now: limits.now,
    };
    this.byIpAndEmail = new WindowedCounter(counter);
    this.byIp = new WindowedCounter(counter);
  }

  async beginAttempt(ip: string, emailKey: string): Promise<void> {
    const pair = pairKey(ip, emailKey);
    const waitMs = Math.max(
      this.byIpAndEmail.blockedForMs(pair, this.limits.maxFailuresPerIpAndEmail),
      this.byIp.blockedForMs(ip, this.limits.maxFailuresPerIp),
    );
    if (waitMs > 0) throw tooManyFailedLogins(Math.ceil(waitMs / 1000));
    this.byIpAndEmail.increment(pair);
    this.byIp.increment(ip);
  }

  async attemptSucceeded(ip: string, emailKey: string): Promise<void> {
    this.byIpAndEmail.clear(pairKey(ip, emailKey));
    // Only given back, not cleared: one valid account must not reset an IP's stuffing budget.
    this.byIp.decrement(ip);
  }
}

/** A line break cannot occur in an IP address, so no two pairs share a key. */
const pairKey = (ip: string, emailKey: string): string => `${ip}\n${emailKey}`;
