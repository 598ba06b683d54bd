import { DomainError, ErrorCode } from '@finstack/contracts';
import { InMemoryLoginAttemptLimiter } from './in-memory-login-attempt-limiter';

describe('InMemoryLoginAttemptLimiter', () => {
  let now: number;
  let limiter: InMemoryLoginAttemptLimiter;

  beforeEach(() => {
    now = 1_700_000_000_000;
    limiter = new InMemoryLoginAttemptLimiter({
      maxFailuresPerIpAndEmail: 5,
      maxFailuresPerIp: 50,
      windowSeconds: 900,
      now: () => now,
    });
  });

  /** Attempts that all fail (beginAttempt without attemptSucceeded). */
  async function fail(times: number, ip = '203.0.113.7', email = 'ada@example.com'): Promise<void> {
    for (let i = 0; i < times; i++) await limiter.beginAttempt(ip, email);
  }

  async function refusal(ip = '203.0.113.7', email = 'ada@example.com'): Promise<DomainError> {
    try {
      await limiter.beginAttempt(ip, email);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected the attempt to be refused');
  }

  it('allows five failures, then refuses with 429 and the seconds until the window ends', async () => {
    await fail(4);
    now += 100_000;
    await fail(1);
    const error = await refusal();
    expect(error.code).toBe(ErrorCode.TOO_MANY_REQUESTS);
    expect(error.status).toBe(429);
    expect(error.details).toEqual({ retryAfterSeconds: 800 });
  });

  it('rounds Retry-After up, so a client that waits it out is not refused again', async () => {
    await fail(5);
    now += 899_500;
    expect((await refusal()).details).toEqual({ retryAfterSeconds: 1 });
  });

  it('lets the user try again once the window has passed', async () => {
    await fail(5);
    now += 900_000;
    await expect(limiter.beginAttempt('203.0.113.7', 'ada@example.com')).resolves.toBeUndefined();
  });

  it('does not lengthen the lock with the attempts it refuses', async () => {
    await fail(5);
    now += 300_000;
    await refusal();
    now += 600_000;
    await expect(limiter.beginAttempt('203.0.113.7', 'ada@example.com')).resolves.toBeUndefined();
  });

  it('forgets the failures of an (ip, email) pair after a success', async () => {
    await fail(4);
    await limiter.attemptSucceeded('203.0.113.7', 'ada@example.com');
    await fail(5);
    expect((await refusal()).code).toBe(ErrorCode.TOO_MANY_REQUESTS);
  });

  it('locks one pair without locking the same email from another IP or another email from the same IP', async () => {
    await fail(5);
    await expect(limiter.beginAttempt('198.51.100.1', 'ada@example.com')).resolves.toBeUndefined();
    await expect(limiter.beginAttempt('203.0.113.7', 'bob@example.com')).resolves.toBeUndefined();
  });

  it('locks an IP that spreads its guesses over many emails (credential stuffing)', async () => {
    for (let i = 0; i < 50; i++) await fail(1, '203.0.113.7', `user${i}@example.com`);
    expect((await refusal('203.0.113.7', 'fresh@example.com')).code).toBe(ErrorCode.TOO_MANY_REQUESTS);
    await expect(limiter.beginAttempt('198.51.100.1', 'fresh@example.com')).resolves.toBeUndefined();
  });

  it('counts attempts still in flight, so a parallel burst cannot exceed the limit', async () => {
    const burst = await Promise.allSettled(
      Array.from({ length: 20 }, () => limiter.beginAttempt('203.0.113.7', 'ada@example.com')),
    );
    expect(burst.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(5);
  });
});
