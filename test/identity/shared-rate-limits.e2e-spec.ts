import { ApiClient, AppProcess, backendFromEnv, freePort, Stack, startStack } from '@finstack/testing';
import { randomUUID } from 'node:crypto';

const backend = backendFromEnv();
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'correct horse battery staple';

/*
 * Two gateway processes on one identity schema and one Redis count one
 * limit, not one each: @nestjs/throttler's storage is Redis there.
 */
describe(`rate limits shared by gateway replicas through Redis (${backend})`, () => {
  let stack: Stack;
  let second: AppProcess;
  let first: ApiClient;
  let other: ApiClient;

  beforeAll(async () => {
    const shared = {
      REDIS_URL,
      // Its own keys: other suites, and other systems, share this Redis.
      RATE_LIMIT_REDIS_PREFIX: `test:${randomUUID()}:`,
      RATE_LIMIT_REGISTER: '3',
      RATE_LIMIT_MAIL: '5',
    };
    stack = await startStack({ backend, name: 'ratelimits', gatewayEnv: shared });
    const port = await freePort();
    second = new AppProcess({
      app: 'gateway',
      env: { ...stack.gateway.spec.env, PORT: String(port), MIGRATIONS_RUN: 'false' },
      ready: { url: `http://127.0.0.1:${port}/health` },
    });
    await second.start();
    first = new ApiClient(stack.baseUrl);
    other = new ApiClient(`http://127.0.0.1:${port}`);
  }, 240_000); // a stack of seven apps starts slowly on a busy machine
  afterAll(async () => {
    await second?.stop();
    await stack?.stop();
  });

  const unique = () => `limit-${randomUUID()}@example.com`;

  it('allows 3 registrations per IP across both gateways, then 429 with Retry-After and RateLimit headers', async () => {
    const answers = [
      await first.post('/api/v1/auth/register', { email: unique(), password: PASSWORD }),
      await other.post('/api/v1/auth/register', { email: unique(), password: PASSWORD }),
      await first.post('/api/v1/auth/register', { email: unique(), password: PASSWORD }),
    ];
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(answers[0].headers.get('ratelimit-policy')).toBe('"register";q=3;w=3600');
    expect(answers[2].headers.get('ratelimit')).toMatch(/^"register";r=0;t=\d+$/);

    // Each gateway alone would still allow this one.
    const over = await other.post('/api/v1/auth/register', { email: unique(), password: PASSWORD });
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
    expect((await first.post('/api/v1/auth/register', { email: unique(), password: PASSWORD })).status).toBe(429);
  });

  it('allows 5 verification resends per address and IP, then 429; another address is not affected', async () => {
    const email = unique();
    for (let i = 0; i < 5; i++) {
      const gateway = i % 2 === 0 ? first : other;
      expect((await gateway.post('/api/v1/auth/resend-verification', { email })).status).toBe(202);
    }
    const over = await first.post('/api/v1/auth/resend-verification', { email: email.toUpperCase() });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await other.post('/api/v1/auth/resend-verification', { email: unique() })).status).toBe(202);
  });
});
