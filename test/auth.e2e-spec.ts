import {
  ApiClient,
  backendFromEnv,
  decodeJwtPart,
  findPrivateKeyPem,
  newEs256PrivateKey,
  newSession,
  signEs256,
  Stack,
  startStack,
  unsignedToken,
  verifyByMail,
} from '@finstack/testing';

const backend = backendFromEnv();
const PASSWORD = 'correct horse battery staple';

describe(`accounts and tokens (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'auth', gatewayEnv: { RATE_LIMIT_LOGIN_ACCOUNT_IP: '4' } });
    api = new ApiClient(stack.baseUrl);
  });
  afterAll(() => stack?.stop());

  const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@Example.com`;

  it('registers, confirms the address by mail, logs in and shows the profile', async () => {
    const email = uniqueEmail('Ada');
    const registered = await api.post('/api/v1/auth/register', { email, password: PASSWORD, displayName: 'Ada' });
    expect(registered.status).toBe(202);
    expect(JSON.stringify(registered.body)).not.toMatch(/argon2|password/i);
    await verifyByMail(api, email);

    const login = await api.post('/api/v1/auth/login', { email: email.toUpperCase(), password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ expiresIn: 900, accessToken: expect.any(String), refreshToken: expect.any(String) });
    const header = decodeJwtPart(String(login.body.accessToken), 0);
    const claims = decodeJwtPart(String(login.body.accessToken), 1);
    expect(header.alg).toBe('ES256');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);

    const me = await api.get('/api/v1/auth/me', { token: String(login.body.accessToken) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: claims.sub, email, displayName: 'Ada', emailVerified: true });
  });

  it('answers a second registration of an address, in any case, exactly as a first one', async () => {
    const email = uniqueEmail('case');
    const first = await api.post('/api/v1/auth/register', { email, password: PASSWORD });
    const again = await api.post('/api/v1/auth/register', { email: email.toLowerCase(), password: PASSWORD });
    expect(again.status).toBe(202);
    expect({ ...again.body, requestId: undefined }).toEqual({ ...first.body, requestId: undefined });
  });

  it('refuses short passwords and bad emails', async () => {
    const short = await api.post('/api/v1/auth/register', { email: uniqueEmail('short'), password: 'too-short' });
    expect(short.status).toBe(400);
    expect(String(short.body.message)).toMatch(/password/);
    expect((await api.post('/api/v1/auth/register', { email: 'not-an-email', password: PASSWORD })).status).toBe(400);
  });

  it('gives an unknown email and a wrong password the same answer', async () => {
    const session = await newSession(api, 'same-answer');
    const wrongPassword = await api.post('/api/v1/auth/login', { email: session.email, password: 'wrong password!!' });
    const unknownEmail = await api.post('/api/v1/auth/login', { email: uniqueEmail('ghost'), password: 'wrong password!!' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrongPassword.body)).toEqual(strip(unknownEmail.body));
  });

  it('rate-limits log-ins per account and IP with 429 and Retry-After (4 attempts: the first log-in and 3 wrong passwords)', async () => {
    const session = await newSession(api, 'locked');
    for (let i = 0; i < 3; i += 1) {
      expect((await api.post('/api/v1/auth/login', { email: session.email, password: 'wrong password!!' })).status).toBe(401);
    }
    const locked = await api.post('/api/v1/auth/login', { email: session.email, password: session.password });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);

    const otherUser = await newSession(api, 'not-locked');
    const unaffected = await api.post('/api/v1/auth/login', { email: otherUser.email, password: otherUser.password });
    expect(unaffected.status).toBe(200);
  });

  it('rotates refresh tokens, and reuse of a rotated one revokes the whole family', async () => {
    const session = await newSession(api, 'rotate');
    const first = await api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(session.refreshToken);
    const second = await api.post('/api/v1/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);

    // The original token was rotated away: presenting it again looks like theft.
    const reused = await api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('INVALID_REFRESH_TOKEN');
    // ...and the newest token of that family is dead too.
    const newest = await api.post('/api/v1/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(newest.status).toBe(401);
  });

  it('lets only one of two concurrent refreshes with the same token succeed', async () => {
    const session = await newSession(api, 'race');
    const results = await Promise.all([1, 2, 3].map(() => api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })));
    expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
  });

  it('logs out by revoking the refresh token family', async () => {
    const session = await newSession(api, 'logout');
    const out = await api.post('/api/v1/auth/logout', { refreshToken: session.refreshToken });
    expect(out.status).toBe(204);
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    expect((await api.post('/api/v1/auth/logout', { refreshToken: 'unknown-token-value' })).status).toBe(204);
  });

  describe('refuses access tokens that are', () => {
    let userId: string;
    let claims: Record<string, unknown>;
    let kid: string | undefined;

    beforeAll(async () => {
      const session = await newSession(api, 'tokens');
      userId = session.userId;
      claims = decodeJwtPart(session.accessToken, 1);
      kid = decodeJwtPart(session.accessToken, 0).kid as string | undefined;
    });

    const expectRefused = async (token: string | undefined) => {
      const response = await api.get('/api/v1/transactions', { token });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    };

    it('missing', () => expectRefused(undefined));
    it('garbage', () => expectRefused('not.a.jwt'));
    it('unsigned (alg: none)', () => expectRefused(unsignedToken({ ...claims, sub: userId })));
    it('signed with another key', () => expectRefused(signEs256(claims, newEs256PrivateKey(), kid)));
    it('expired', () => {
      const now = Math.floor(Date.now() / 1000);
      return expectRefused(signEs256({ ...claims, iat: now - 1000, exp: now - 100 }, findPrivateKeyPem(stack.dataDir), kid));
    });
    it('still accepted when signed properly (control)', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = signEs256({ ...claims, iat: now, exp: now + 60 }, findPrivateKeyPem(stack.dataDir), kid);
      expect((await api.get('/api/v1/transactions', { token })).status).toBe(200);
    });
  });
});
