import { DomainError, ErrorCode } from '@finstack/contracts';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { accountDelaySeconds, LoginAttemptOrigin, LoginLimits, LoginLimitSettings } from './login-limits';
import { RedisClient, RedisThrottlerStorage } from './redis-throttler-storage';

const SETTINGS: LoginLimitSettings = {
  perIp: { limit: 20, windowSeconds: 900 },
  perAccountAndIp: { limit: 5, windowSeconds: 900 },
  perAccount: { freeAttempts: 3, windowSeconds: 900, firstDelaySeconds: 2, maxDelaySeconds: 16 },
};

async function refusal(work: Promise<unknown>): Promise<DomainError | undefined> {
  return work.then(
    () => undefined,
    (error: unknown) => {
      if (error instanceof DomainError) return error;
      throw error;
    },
  );
}

describe('accountDelaySeconds', () => {
  it('is 0 within the free attempts, then doubles from the first delay up to the cap, never beyond', () => {
    const delays = Array.from({ length: 10 }, (_, i) => accountDelaySeconds(i + 1, SETTINGS.perAccount));
    expect(delays).toEqual([0, 0, 0, 2, 4, 8, 16, 16, 16, 16]);
    expect(accountDelaySeconds(1_000_000, SETTINGS.perAccount)).toBe(16);
  });
});

describe('LoginLimits (on the in-memory throttler storage, with a fake clock)', () => {
  let storage: ThrottlerStorageService;
  let limits: LoginLimits;
  let knownIps: Set<string>;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-07T12:00:00Z') });
    storage = new ThrottlerStorageService();
    limits = new LoginLimits(storage, SETTINGS);
    knownIps = new Set();
  });
  afterEach(() => {
    storage.onApplicationShutdown();
    jest.useRealTimers();
  });

  const from = (ip: string, account = 'ada'): LoginAttemptOrigin => ({ ip, accountKey: account, isKnownIp: async () => knownIps.has(ip) });

  it('allows 5 attempts per account from one IP, refuses the 6th with Retry-After, and leaves other IPs alone', async () => {
    // Each from another IP as well would meet the account delay; this IP is where Ada signed in before.
    knownIps.add('203.0.113.7');
    for (let i = 0; i < 5; i++) expect(await refusal(limits.admit(from('203.0.113.7')))).toBeUndefined();
    const refused = await refusal(limits.admit(from('203.0.113.7')));
    expect(refused).toMatchObject({ code: ErrorCode.TOO_MANY_REQUESTS, details: { retryAfterSeconds: 900 } });
    expect(refused?.message).toMatch(/from this address/);
    jest.advanceTimersByTime(900_000);
    expect(await refusal(limits.admit(from('203.0.113.7')))).toBeUndefined();
  });

  it('allows 20 attempts per IP across accounts, then 429', async () => {
    for (let i = 0; i < 20; i++) expect(await refusal(limits.admit(from('198.51.100.1', `account-${i}`)))).toBeUndefined();
    expect((await refusal(limits.admit(from('198.51.100.1', 'account-20'))))?.code).toBe(ErrorCode.TOO_MANY_REQUESTS);
    expect(await refusal(limits.admit(from('198.51.100.2', 'account-20')))).toBeUndefined();
  });

  it('delays one account attacked from many IPs: 3 free, then one attempt per 2, 8, 16, 16 seconds (capped)', async () => {
    let ip = 0;
    const next = () => refusal(limits.admit(from(`192.0.2.${++ip}`)));
    for (let i = 0; i < 3; i++) expect(await next()).toBeUndefined();
    expect(await next()).toBeUndefined(); // the 4th opens a 2-second gate
    const waiting = await next();
    expect(waiting).toMatchObject({ code: ErrorCode.TOO_MANY_REQUESTS, details: { retryAfterSeconds: 2 } });
    expect(waiting?.message).toMatch(/each must now wait/);
    jest.advanceTimersByTime(2_000);
    expect(await next()).toBeUndefined();
    // Each attempt let through sets the next wait by the attempts so far, refused ones included.
    for (const seconds of [8, 16, 16]) {
      expect((await next())?.details).toEqual({ retryAfterSeconds: seconds });
      jest.advanceTimersByTime(seconds * 1000);
      expect(await next()).toBeUndefined();
    }
  });

  it('never locks the owner out: from an IP the account signed in from, the account delay does not apply', async () => {
    let ip = 0;
    for (let i = 0; i < 10; i++) await refusal(limits.admit(from(`192.0.2.${++ip}`)));
    expect((await refusal(limits.admit(from('192.0.2.200'))))?.code).toBe(ErrorCode.TOO_MANY_REQUESTS);
    knownIps.add('203.0.113.7');
    for (let i = 0; i < 5; i++) expect(await refusal(limits.admit(from('203.0.113.7')))).toBeUndefined();
  });

  it('reports each quota left, for the RateLimit headers', async () => {
    const quotas = await limits.admit(from('203.0.113.9'));
    expect(quotas).toEqual([
      { name: 'login-ip', limit: 20, windowSeconds: 900, remaining: 19, resetSeconds: 900 },
      { name: 'login-account-ip', limit: 5, windowSeconds: 900, remaining: 4, resetSeconds: 900 },
      { name: 'login-account', limit: 3, windowSeconds: 900, remaining: 2, resetSeconds: 900 },
    ]);
  });
});

/** The account gate on the real Redis of the test machine (TEST_REDIS_URL), where replicas share it. */
describe('LoginLimits on Redis: two replicas share the account delay', () => {
  let redis: RedisClient;

  beforeAll(async () => {
    redis = createClient({ url: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' });
    await redis.connect();
  });
  afterAll(() => redis?.quit());

  it('lets one attempt through the gate, whichever replica it reaches, then refuses until the delay passed', async () => {
    const prefix = `test:${randomUUID()}:`;
    const settings: LoginLimitSettings = { ...SETTINGS, perAccount: { freeAttempts: 1, windowSeconds: 60, firstDelaySeconds: 1, maxDelaySeconds: 1 } };
    const [a, b] = [new LoginLimits(new RedisThrottlerStorage(redis, prefix), settings), new LoginLimits(new RedisThrottlerStorage(redis, prefix), settings)];
    const origin = (ip: string): LoginAttemptOrigin => ({ ip, accountKey: 'ada', isKnownIp: async () => false });
    expect(await refusal(a.admit(origin('192.0.2.1')))).toBeUndefined();
    expect(await refusal(b.admit(origin('192.0.2.2')))).toBeUndefined();
    expect((await refusal(a.admit(origin('192.0.2.3'))))?.details).toEqual({ retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await refusal(b.admit(origin('192.0.2.4')))).toBeUndefined();
  });
});
