import { ApiClient, AppProcess, backendFromEnv, freePort, Stack, startStack, verifyByMail } from '@finstack/testing';
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
      // Clients tell their IP through X-Forwarded-For, as behind the load balancer.
      TRUST_PROXY_HOPS: '1',
      RATE_LIMIT_LOGIN_IP: '6',
      RATE_LIMIT_LOGIN_ACCOUNT_IP: '3',
      RATE_LIMIT_LOGIN_ACCOUNT: '4',
      RATE_LIMIT_LOGIN_DELAY_SECONDS: '30',
      RATE_LIMIT_LOGIN_MAX_DELAY_SECONDS: '120',
      RATE_LIMIT_FORGOT_PASSWORD: '2',
      RATE_LIMIT_PASSWORD_CHANGE: '2',
      RATE_LIMIT_IMPORTS: '2',
      RATE_LIMIT_VAR: '2',
      RATE_LIMIT_RULE_APPLY: '2',
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

  let ipCounter = 0;
  /** A client IP of its own (TEST-NET-2), so each test counts alone. */
  const newIp = () => `198.51.100.${++ipCounter}`;
  const fromIp = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

  /** A verified account, registered from an IP of its own (registration is limited per IP here). */
  async function signUp(): Promise<{ email: string; ip: string }> {
    const email = unique();
    const ip = newIp();
    expect((await first.post('/api/v1/auth/register', { email, password: PASSWORD }, fromIp(ip))).status).toBe(202);
    await verifyByMail(first, email);
    return { email, ip };
  }

  const logIn = (gateway: ApiClient, email: string, ip: string, password = PASSWORD) =>
    gateway.post<{ accessToken: string; message?: string }>('/api/v1/auth/login', { email, password }, fromIp(ip));

  it('allows 3 log-in attempts per account and IP across both gateways, right or wrong, then 429 even for the right password', async () => {
    const { email } = await signUp();
    const ip = newIp();
    const answers = [await logIn(first, email, ip, 'not the password'), await logIn(other, email, ip, 'not the password'), await logIn(first, email, ip)];
    expect(answers.map((a) => a.status)).toEqual([401, 401, 200]);
    expect(answers[0].headers.get('ratelimit-policy')).toBe('"login-ip";q=6;w=900, "login-account-ip";q=3;w=900, "login-account";q=4;w=900');
    expect(answers[2].headers.get('ratelimit')).toMatch(/^"login-ip";r=3;t=\d+, "login-account-ip";r=0;t=\d+, "login-account";r=1;t=\d+$/);
    const over = await logIn(other, email, ip);
    expect(over.status).toBe(429);
    expect(over.body.message).toMatch(/too many log-in attempts from this address/);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    // The refusal says which quota ran out, as the admitted attempts did.
    expect(over.headers.get('ratelimit-policy')).toBe('"login-ip";q=6;w=900, "login-account-ip";q=3;w=900, "login-account";q=4;w=900');
    expect(over.headers.get('ratelimit')).toMatch(/^"login-ip";r=2;t=\d+, "login-account-ip";r=0;t=\d+, "login-account";r=0;t=\d+$/);
    // The same account from another IP is not refused by this limit.
    expect((await logIn(first, email, newIp())).status).toBe(200);
  });

  it('allows 6 log-in attempts per IP whatever the account, then 429', async () => {
    const ip = newIp();
    for (let i = 0; i < 6; i++) expect((await logIn(i % 2 ? first : other, unique(), ip)).status).toBe(401);
    expect((await logIn(first, unique(), ip)).status).toBe(429);
    expect((await logIn(first, unique(), newIp())).status).toBe(401);
  });

  it('slows one account attacked from many IPs, but its owner still signs in from an IP the account used before', async () => {
    const owner = await signUp();
    const home = newIp();
    expect((await logIn(first, owner.email, home)).status).toBe(200); // attempt 1, from home
    // Attempts 2 to 4 are free, the 5th opens a 30-second gate, the 6th must wait.
    for (let i = 0; i < 4; i++) expect((await logIn(i % 2 ? first : other, owner.email, newIp(), 'guess')).status).toBe(401);
    const slowed = await logIn(other, owner.email, newIp(), 'guess');
    expect(slowed.status).toBe(429);
    expect(slowed.body.message).toMatch(/each must now wait/);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(120);
    // A new IP is slowed even with the right password; home is not.
    expect((await logIn(first, owner.email, newIp())).status).toBe(429);
    expect((await logIn(first, owner.email, home)).status).toBe(200);
  });

  it('allows 2 forgot-password mails per address and IP, then 429; another address is not affected', async () => {
    const email = unique();
    const ip = newIp();
    expect((await first.post('/api/v1/auth/forgot-password', { email }, fromIp(ip))).status).toBe(202);
    expect((await other.post('/api/v1/auth/forgot-password', { email }, fromIp(ip))).status).toBe(202);
    const over = await first.post('/api/v1/auth/forgot-password', { email }, fromIp(ip));
    expect(over.status).toBe(429);
    expect(over.headers.get('ratelimit-policy')).toBe('"forgot-password";q=2;w=3600');
    expect((await other.post('/api/v1/auth/forgot-password', { email: unique() }, fromIp(ip))).status).toBe(202);
  });

  describe('per user, across both gateways', () => {
    let token: string;
    let otherToken: string;

    beforeAll(async () => {
      const ada = await signUp();
      token = (await logIn(first, ada.email, ada.ip)).body.accessToken;
      const bob = await signUp();
      otherToken = (await logIn(first, bob.email, bob.ip)).body.accessToken;
    }, 60_000);

    const csv = (day: number) => ({ token, rawBody: `date,text,amount\n2025-05-0${day},Coffee,-3.20\n`, headers: { 'content-type': 'text/csv' } });
    const IMPORT = '/api/v1/imports?descriptionColumn=text&amountColumn=amount&currency=EUR';

    it('allows 2 imports, then 429; another user still imports', async () => {
      expect((await first.request('POST', IMPORT, undefined, csv(1))).status).toBe(200);
      expect((await other.request('POST', IMPORT, undefined, csv(2))).status).toBe(200);
      const over = await first.request<{ code: string }>('POST', IMPORT, undefined, csv(3));
      expect(over.status).toBe(429);
      expect(over.headers.get('ratelimit-policy')).toBe('"imports";q=2;w=3600');
      expect((await other.request('POST', IMPORT, undefined, { ...csv(3), token: otherToken })).status).toBe(200);
    });

    it('allows 2 VaR analyses, counted whatever their outcome, then 429', async () => {
      const analyse = (gateway: ApiClient) => gateway.post('/api/v1/var/analyses', { ticker: 'NOPE' }, { token });
      expect((await analyse(first)).status).toBe(400);
      expect((await analyse(other)).status).toBe(400);
      expect((await analyse(first)).status).toBe(429);
      expect((await first.post('/api/v1/var/portfolio', {}, { token })).status).toBe(429);
    });

    it('allows 2 rule applies, then 429', async () => {
      const apply = (gateway: ApiClient) => gateway.post(`/api/v1/rules/${randomUUID()}/apply`, {}, { token });
      expect((await apply(first)).status).toBe(404);
      expect((await apply(other)).status).toBe(404);
      expect((await apply(first)).status).toBe(429);
    });

    it('allows 2 password changes tried, then 429 (each checks the current password)', async () => {
      const change = (gateway: ApiClient) => gateway.post('/api/v1/auth/change-password', { currentPassword: 'not it at all', newPassword: 'plum orbit cascade 47' }, { token });
      expect((await change(first)).status).toBe(400);
      expect((await change(other)).status).toBe(400);
      const over = await change(first);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
});
