import { DomainError, ErrorCode } from '@finstack/contracts';
import { ThrottlerStorage } from '@nestjs/throttler';
import { GatewayEnv } from '../gateway-env';

export interface LoginLimitSettings {
  /** Attempts per client IP, whatever the account: credential stuffing from one address. */
  perIp: { limit: number; windowSeconds: number };
  /** Attempts per account from one IP: guessing one account from one address. */
  perAccountAndIp: { limit: number; windowSeconds: number };
  /**
   * Attempts per account from all IPs (a botnet guessing one account): the
   * first `freeAttempts` of a window go undelayed, then each attempt must wait
   * a delay that doubles from `firstDelaySeconds` up to `maxDelaySeconds`.
   */
  perAccount: { freeAttempts: number; windowSeconds: number; firstDelaySeconds: number; maxDelaySeconds: number };
}

export function loginLimitSettings(env: GatewayEnv): LoginLimitSettings {
  return {
    perIp: { limit: env.RATE_LIMIT_LOGIN_IP, windowSeconds: env.RATE_LIMIT_LOGIN_IP_WINDOW_SECONDS },
    perAccountAndIp: { limit: env.RATE_LIMIT_LOGIN_ACCOUNT_IP, windowSeconds: env.RATE_LIMIT_LOGIN_ACCOUNT_WINDOW_SECONDS },
    perAccount: {
      freeAttempts: env.RATE_LIMIT_LOGIN_ACCOUNT,
      windowSeconds: env.RATE_LIMIT_LOGIN_ACCOUNT_WINDOW_SECONDS,
      firstDelaySeconds: env.RATE_LIMIT_LOGIN_DELAY_SECONDS,
      maxDelaySeconds: env.RATE_LIMIT_LOGIN_MAX_DELAY_SECONDS,
    },
  };
}

/** The wait before the n-th attempt of a window on one account: none within the free ones, then doubling up to the cap. */
export function accountDelaySeconds(attempt: number, settings: LoginLimitSettings['perAccount']): number {
  const over = attempt - settings.freeAttempts;
  if (over <= 0) return 0;
  // Capped before the power, so a long attack never overflows.
  return Math.min(settings.firstDelaySeconds * 2 ** Math.min(over - 1, 30), settings.maxDelaySeconds);
}

export interface LoginAttemptOrigin {
  ip: string;
  /** The account asked for, hashed (see addressKey): keys in Redis carry no email. */
  accountKey: string;
  /** Whether the account signed in from this IP before; asked only when an account delay applies. */
  isKnownIp: () => Promise<boolean>;
}

export interface LoginQuota {
  name: string;
  limit: number;
  windowSeconds: number;
  remaining: number;
  resetSeconds: number;
}

/**
 * The log-in limits on @nestjs/throttler's storage (Redis when REDIS_URL is
 * set, so every replica counts together). Every attempt counts, right or
 * wrong, before the password is checked: parallel guesses cannot slip through
 * while a hash is being computed. The account-wide delay never locks the
 * owner out: it is at most maxDelaySeconds, and it does not apply from an IP
 * the account signed in from before, where only the per-IP limits hold (an
 * attacker elsewhere cannot spend those).
 */
export class LoginLimits {
  constructor(
    private readonly storage: ThrottlerStorage,
    private readonly settings: LoginLimitSettings,
  ) {}

  /** Counts the attempt and returns the quotas left; throws 429 TOO_MANY_REQUESTS with retryAfterSeconds past a limit. */
  async admit(origin: LoginAttemptOrigin): Promise<LoginQuota[]> {
    const { perIp, perAccountAndIp, perAccount } = this.settings;
    const ip = await this.count('login-ip', origin.ip, perIp.limit, perIp.windowSeconds);
    const pair = await this.count('login-account-ip', `${origin.accountKey}:${origin.ip}`, perAccountAndIp.limit, perAccountAndIp.windowSeconds);
    const account = await this.count('login-account', origin.accountKey, Number.MAX_SAFE_INTEGER, perAccount.windowSeconds);
    const quotas = [ip.quota, pair.quota, { ...account.quota, limit: perAccount.freeAttempts, remaining: Math.max(0, perAccount.freeAttempts - account.hits) }];
    const blockedFor = Math.max(ip.blockedFor, pair.blockedFor);
    if (blockedFor > 0) throw new LoginLimitReached(quotas, blockedFor, 'too many log-in attempts from this address');

    const delay = accountDelaySeconds(account.hits, perAccount);
    if (delay > 0 && !(await origin.isKnownIp())) {
      // One attempt per delay: the first to come through the gate opens it for `delay` seconds.
      const gate = await this.count('login-account-gate', origin.accountKey, 1, delay, 0);
      if (gate.blockedFor > 0) throw new LoginLimitReached(quotas, gate.blockedFor, 'many log-in attempts on this account; each must now wait');
    }
    return quotas;
  }

  private async count(name: string, key: string, limit: number, windowSeconds: number, blockSeconds = windowSeconds) {
    const ttl = windowSeconds * 1000;
    const record = await this.storage.increment(`${name}:${key}`, ttl, limit, blockSeconds * 1000, name);
    const quota: LoginQuota = { name, limit, windowSeconds, remaining: Math.max(0, limit - record.totalHits), resetSeconds: record.timeToExpire };
    return { hits: record.totalHits, blockedFor: record.isBlocked ? Math.max(1, record.timeToBlockExpire) : 0, quota };
  }
}

/** 429 TOO_MANY_REQUESTS with retryAfterSeconds, carrying the quotas so the refusal can state them too. */
export class LoginLimitReached extends DomainError {
  constructor(
    readonly quotas: LoginQuota[],
    retryAfterSeconds: number,
    what: string,
  ) {
    super(ErrorCode.TOO_MANY_REQUESTS, `${what}; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds });
  }
}
