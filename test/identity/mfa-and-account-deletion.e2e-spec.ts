import { ApiClient, ApiResponse, backendFromEnv, FakeFinnhub, newSession, Session, sessionFor, Stack, startStack } from '@finstack/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rowsMentioning, tablesWithUserIds } from './rows-of-user';
import { TotpClock } from './totp-clock';

const backend = backendFromEnv();
const OPERATOR = 'risk.desk@example.com';
const INGEST_KEY = 'idmfa-ingest-key-0123456789abcdef0123456789';
const FINNHUB_KEYS = ['victim-finnhub-key-c0ffee1234', 'bystander-finnhub-key-deadbeef56'];
const PASSWORD = 'correct horse battery staple';
/** A test that uses a fresh TOTP code may wait up to a 30-second step for one. */
const CLOCK_TIMEOUT_MS = 120_000;

interface Tokens {
  accessToken: string;
  refreshToken?: string;
}
interface Challenge {
  mfaRequired: true;
  mfaToken: string;
}

/*
 * MFA and account deletion through the whole stack: every app a real process
 * over real TCP, mail through a real SMTP server (the stack's), MariaDB or SQLite.
 */
describe(`MFA and account deletion (${backend})`, () => {
  const finnhub = new FakeFinnhub();
  let stack: Stack;
  let api: ApiClient;

  beforeAll(async () => {
    for (const key of FINNHUB_KEYS) finnhub.keys.add(key);
    finnhub.setPrice('AAPL', 190);
    await finnhub.start();
    stack = await startStack({
      backend,
      name: 'idmfa',
      gatewayEnv: { OPERATOR_EMAILS: OPERATOR, QUOTES_INGEST_API_KEY: INGEST_KEY },
      portfolioEnv: { MARKET_DATA_BASE_URL: finnhub.url, QUOTE_POLL_SECONDS: '3600' },
    });
    api = new ApiClient(stack.baseUrl);
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
    await finnhub.stop();
  });

  const login = (email: string, password = PASSWORD, headers: Record<string, string> = {}) =>
    api.post<Tokens | Challenge>('/api/v1/auth/login', { email, password }, { headers });
  const as = (token: string) => ({
    post: <T = Record<string, unknown>>(path: string, body?: unknown) => api.post<T>(`/api/v1${path}`, body, { token }),
    put: <T = Record<string, unknown>>(path: string, body?: unknown) => api.put<T>(`/api/v1${path}`, body, { token }),
    get: <T = Record<string, unknown>>(path: string) => api.get<T>(`/api/v1${path}`, { token }),
    delete: <T = Record<string, unknown>>(path: string, body?: unknown) => api.request<T>('DELETE', `/api/v1${path}`, body, { token }),
  });

  /** Turns MFA on for a session: the authenticator and the recovery codes. */
  async function enrol(session: Session): Promise<{ clock: TotpClock; recoveryCodes: string[] }> {
    const started = await as(session.accessToken).post<{ otpauthUri: string; qrCode: string }>('/auth/mfa/totp');
    expect(started.status).toBe(201);
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]+/);
    const svg = Buffer.from(started.body.qrCode.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const clock = new TotpClock(started.body.otpauthUri);
    const confirmed = await as(session.accessToken).post<{ recoveryCodes: string[] }>('/auth/mfa/totp/confirm', { code: await clock.freshCode() });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    return { clock, recoveryCodes: confirmed.body.recoveryCodes };
  }

  async function challengeOf(email: string): Promise<string> {
    const first = await login(email);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    expect(first.body).not.toHaveProperty('accessToken');
    return (first.body as Challenge).mfaToken;
  }

  describe('the MFA journey', () => {
    let session: Session;
    let clock: TotpClock;
    let recoveryCodes: string[];

    beforeAll(async () => {
      // Registered, read from the mailbox, verified and logged in (sessionFor does it through real mail).
      session = await newSession(api, 'mfa');
      expect((await as(session.accessToken).get<{ mfaEnabled: boolean }>('/auth/me')).body.mfaEnabled).toBe(false);
      ({ clock, recoveryCodes } = await enrol(session));
    });

    it('shows MFA on in the account, and refuses a second enrolment while it is on', async () => {
      expect((await as(session.accessToken).get<{ mfaEnabled: boolean }>('/auth/me')).body.mfaEnabled).toBe(true);
      const again = await as(session.accessToken).post<{ code: string; message: string }>('/auth/mfa/totp');
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/turn it off first/);
    });

    it('asks for a code after the password; the code gives tokens; the same code again is refused', async () => {
      const mfaToken = await challengeOf(session.email);
      const code = await clock.freshCode();
      const verified = await api.post<Tokens>('/api/v1/auth/mfa/verify', { mfaToken, code });
      expect(verified.status).toBe(200);
      expect(verified.body.refreshToken).toEqual(expect.any(String));
      expect((await as(verified.body.accessToken).get<{ id: string }>('/auth/me')).body.id).toBe(session.userId);
      // The challenge is single use.
      const reusedToken = await api.post<{ code: string }>('/api/v1/auth/mfa/verify', { mfaToken, code: clock.currentCode() });
      expect(reusedToken.status).toBe(401);
      expect(reusedToken.body.code).toBe('MFA_CHALLENGE_INVALID');
      // A new log-in, the code already used: a replay.
      const replayed = await api.post<{ code: string; message: string }>('/api/v1/auth/mfa/verify', { mfaToken: await challengeOf(session.email), code });
      expect(replayed.status).toBe(400);
      expect(replayed.body.code).toBe('MFA_CODE_INVALID');
      expect(replayed.body.message).toMatch(/already used/);
    }, CLOCK_TIMEOUT_MS);

    it('gives the refresh token in the cookie in cookie mode, as log-in does', async () => {
      const mfaToken = await challengeOf(session.email);
      const verified = await api.post<Tokens>(
        '/api/v1/auth/mfa/verify',
        { mfaToken, code: await clock.freshCode() },
        { headers: { 'x-finstack-auth': 'cookie' } },
      );
      expect(verified.status).toBe(200);
      expect(verified.body).not.toHaveProperty('refreshToken');
      const cookie = verified.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^finstack_refresh=[^;]+;.*HttpOnly/i);
      const refreshed = await api.post<Tokens>('/api/v1/auth/refresh', undefined, {
        headers: { 'x-finstack-auth': 'cookie', cookie: cookie.split(';')[0]! },
      });
      expect(refreshed.status).toBe(200);
    }, CLOCK_TIMEOUT_MS);

    it('accepts a recovery code once; the second use is refused', async () => {
      const [code] = recoveryCodes;
      const first = await api.post<Tokens>('/api/v1/auth/mfa/verify', { mfaToken: await challengeOf(session.email), recoveryCode: code!.toUpperCase() });
      expect(first.status).toBe(200);
      expect(first.body.accessToken).toEqual(expect.any(String));
      const second = await api.post<{ code: string }>('/api/v1/auth/mfa/verify', { mfaToken: await challengeOf(session.email), recoveryCode: code });
      expect(second.status).toBe(400);
      expect(second.body.code).toBe('MFA_CODE_INVALID');
    });

    it('ends the challenge at the fifth wrong code: then even the right code needs a new log-in', async () => {
      const mfaToken = await challengeOf(session.email);
      for (let attempt = 1; attempt <= 4; attempt++) {
        const wrong = await api.post<{ code: string; message: string }>('/api/v1/auth/mfa/verify', { mfaToken, code: clock.wrongCode() });
        expect(wrong.status).toBe(400);
        expect(wrong.body.message).toContain(`${5 - attempt} tries left`);
      }
      const fifth = await api.post<{ code: string; message: string }>('/api/v1/auth/mfa/verify', { mfaToken, code: clock.wrongCode() });
      expect(fifth.status).toBe(401);
      expect(fifth.body.code).toBe('MFA_CHALLENGE_INVALID');
      expect(fifth.body.message).toMatch(/sign in again/);
      const right = await api.post<{ code: string }>('/api/v1/auth/mfa/verify', { mfaToken, code: clock.currentCode() });
      expect(right.status).toBe(401);
    });

    it('refuses bad second-step bodies with 400 and a message', async () => {
      const mfaToken = await challengeOf(session.email);
      const none = await api.post<{ message: string }>('/api/v1/auth/mfa/verify', { mfaToken });
      expect(none.status).toBe(400);
      expect(JSON.stringify(none.body)).toMatch(/code or recoveryCode/);
      expect((await api.post('/api/v1/auth/mfa/verify', { mfaToken, code: '12345' })).status).toBe(400);
      expect((await api.post('/api/v1/auth/mfa/verify', { mfaToken, recoveryCode: 'x'.repeat(33) })).status).toBe(400);
      expect((await api.post('/api/v1/auth/mfa/verify', { mfaToken: 'not a token', code: '123456' })).status).toBe(400);
    });

    it('renews the recovery codes with password and code: the old ones stop working', async () => {
      const user = as(session.accessToken);
      const refused = await user.post<{ code: string }>('/auth/mfa/recovery-codes', { password: 'not my password', code: clock.currentCode() });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('REAUTHENTICATION_FAILED');
      const renewed = await user.post<{ recoveryCodes: string[] }>('/auth/mfa/recovery-codes', { password: PASSWORD, code: await clock.freshCode() });
      expect(renewed.status).toBe(200);
      expect(renewed.body.recoveryCodes).toHaveLength(10);
      const old = await api.post('/api/v1/auth/mfa/verify', { mfaToken: await challengeOf(session.email), recoveryCode: recoveryCodes[1] });
      expect(old.status).toBe(400);
      recoveryCodes = renewed.body.recoveryCodes;
    }, CLOCK_TIMEOUT_MS);

    it('turns MFA off only with the password and a current code; then the password alone logs in', async () => {
      const user = as(session.accessToken);
      expect((await user.delete('/auth/mfa/totp', { password: PASSWORD })).status).toBe(400);
      const wrongPassword = await user.delete<{ code: string }>('/auth/mfa/totp', { password: 'not my password', code: clock.currentCode() });
      expect(wrongPassword.status).toBe(400);
      expect(wrongPassword.body.code).toBe('REAUTHENTICATION_FAILED');
      const wrongCode = await user.delete<{ code: string }>('/auth/mfa/totp', { password: PASSWORD, code: clock.wrongCode() });
      expect(wrongCode.status).toBe(400);
      expect((await login(session.email)).body).toHaveProperty('mfaRequired', true); // still on
      expect((await user.delete('/auth/mfa/totp', { password: PASSWORD, code: await clock.freshCode() })).status).toBe(204);
      const plain = await login(session.email);
      expect(plain.status).toBe(200);
      expect(plain.body).toHaveProperty('accessToken');
      expect((await user.get<{ mfaEnabled: boolean }>('/auth/me')).body.mfaEnabled).toBe(false);
    }, CLOCK_TIMEOUT_MS);
  });

  describe('deleting an account', () => {
    let victim: Session;
    let bystander: Session;
    let clock: TotpClock;
    let userTables: string[];

    /** Something of the user in every service: ledger, classifier, portfolio, market data, risk. */
    async function fillEveryService(session: Session, finnhubKey: string): Promise<void> {
      const user = as(session.accessToken);
      const expectStatus = (response: ApiResponse<unknown>, status: number, what: string) =>
        expect({ what, status: response.status, body: response.status === status ? undefined : response.body }).toEqual({ what, status, body: undefined });
      const category = await user.post<{ id: string }>('/categories', { name: 'Coffee', kind: 'expense' });
      expectStatus(category, 201, 'category');
      const created = await api.post<{ id: string }>(
        '/api/v1/transactions',
        { occurredOn: '2025-06-01', amount: '-3.20', currency: 'EUR', description: 'Coffee Fellows' },
        { token: session.accessToken, headers: { 'idempotency-key': `coffee-${session.userId}` } },
      );
      expectStatus(created, 201, 'transaction');
      expectStatus(await user.put(`/transactions/${created.body.id}/category`, { categoryId: category.body.id }), 200, 'manual category');
      const rule = await user.post('/rules', {
        name: 'Coffee',
        priority: 10,
        match: 'all',
        conditions: [{ field: 'description', operator: 'contains', value: 'coffee' }],
        categoryId: category.body.id,
      });
      expectStatus(rule, 201, 'rule');
      const imported = await api.post('/api/v1/imports?dateColumn=date&descriptionColumn=text&amountColumn=amount&currency=EUR', undefined, {
        token: session.accessToken,
        rawBody: 'date,text,amount\n2025-06-02,Bakery,-2.10\n',
        headers: { 'content-type': 'text/csv' },
      });
      expectStatus(imported, 200, 'import');
      expectStatus(await user.post('/portfolio/holdings', { ticker: 'AAPL', quantity: '2', averageCost: '150.00' }), 201, 'holding');
      expectStatus(await user.post('/watchlist', { ticker: 'AAPL', targetPrice: '100.00', direction: 'above' }), 201, 'watchlist');
      expectStatus(await user.put('/connections/finnhub', { apiKey: finnhubKey }), 200, 'connection');
      const run = await user.post('/var/portfolio', { horizonDays: 1, lookbackDays: 250, confidence: [0.95], method: 'parametric' });
      expectStatus(run, 201, 'portfolio VaR');
    }

    async function quote(price: string): Promise<void> {
      const quoted = await api.post('/api/v1/quotes', { ticker: 'AAPL', price, at: new Date().toISOString() }, { headers: { 'x-api-key': INGEST_KEY } });
      expect(quoted.status).toBe(200);
    }

    beforeAll(async () => {
      const operator = await sessionFor(api, OPERATOR);
      const prices = readFileSync(join(__dirname, '..', '..', 'data', 'prices', 'AAPL.csv'), 'utf8');
      const uploaded = await api.put('/api/v1/market/prices/AAPL', undefined, {
        token: operator.accessToken,
        rawBody: prices,
        headers: { 'content-type': 'text/csv' },
      });
      expect(uploaded.status).toBe(200);
      await quote('90.00'); // known to the portfolio, below the watchlist's target
      victim = await newSession(api, 'victim');
      bystander = await newSession(api, 'bystander');
      await fillEveryService(victim, FINNHUB_KEYS[0]!);
      await fillEveryService(bystander, FINNHUB_KEYS[1]!);
      // A quote above both targets: a price alert for each.
      await quote('150.00');
      ({ clock } = await enrol(victim));
      // A pending password-reset link, so the reset table holds the victim too.
      expect((await api.post('/api/v1/auth/forgot-password', { email: victim.email })).status).toBe(202);
      userTables = await tablesWithUserIds(stack, backend);
    }, 120_000);

    it('has the victim in every table that holds user ids before the deletion (so the check below can fail)', async () => {
      const before = await rowsMentioning(stack, backend, victim.userId);
      const tablesWithVictim = new Set(Object.keys(before).map((key) => key.split('.').slice(0, 2).join('.')));
      const expectedEmpty = [
        'identity.mfa_challenges', // live only during a log-in's second step; the victim has none pending
        'identity.email_verifications', // gone once the address was verified
        'identity.mail_outbox', // sent mail is deleted, and mail rows name no user id
        'var.var_outbox', // events only for runs that go to the background; these ran at once
      ];
      expect(userTables.filter((table) => !tablesWithVictim.has(table) && !expectedEmpty.includes(table))).toEqual([]);
    });

    it('refuses without the password, and without the code while MFA is on', async () => {
      const user = as(victim.accessToken);
      const wrong = await user.delete<{ code: string }>('/auth/me', { password: 'not my password', code: clock.currentCode() });
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe('REAUTHENTICATION_FAILED');
      const noCode = await user.delete<{ message: string }>('/auth/me', { password: PASSWORD });
      expect(noCode.status).toBe(400);
      expect(noCode.body.message).toMatch(/MFA is on/);
      expect((await user.delete('/auth/me', { password: PASSWORD, code: clock.wrongCode() })).status).toBe(400);
      expect((await user.get('/auth/me')).status).toBe(200); // nothing changed
    });

    it('deletes the account, then every service erases every row of the user and nothing of anyone else', async () => {
      const bystanderBefore = await rowsMentioning(stack, backend, bystander.userId);
      const deleted = await as(victim.accessToken).delete('/auth/me', { password: PASSWORD, code: await clock.freshCode() });
      expect(deleted.status).toBe(204);
      const started = Date.now();

      let left: Record<string, number> = {};
      const deadline = Date.now() + 30_000;
      do {
        await new Promise((resolve) => setTimeout(resolve, 250));
        left = await rowsMentioning(stack, backend, victim.userId);
      } while (Object.keys(left).length > 0 && Date.now() < deadline);
      expect(left).toEqual({});
      console.log(`account deletion: no row of the user left in any schema ${Date.now() - started} ms after the 204 (scans included)`);
      expect(await rowsMentioning(stack, backend, bystander.userId)).toEqual(bystanderBefore);
    }, CLOCK_TIMEOUT_MS);

    it('cannot log in, refresh or use its token any more; the other user can', async () => {
      const refused = await login(victim.email);
      expect(refused.status).toBe(401);
      expect((await api.post('/api/v1/auth/refresh', { refreshToken: victim.refreshToken })).status).toBe(401);
      expect((await as(victim.accessToken).get('/auth/me')).status).toBe(401);
      // Its access token is still within its 15 minutes, but writes nothing for the erased user.
      const late = await as(victim.accessToken).post<{ code: string }>('/transactions', { occurredOn: '2025-06-03', amount: '-1.00', currency: 'EUR', description: 'late' });
      expect(late.status).toBe(401);
      expect(late.body.code).toBe('UNAUTHENTICATED');
      expect(await rowsMentioning(stack, backend, victim.userId)).toEqual({});
      expect((await login(bystander.email)).status).toBe(200);
      expect((await as(bystander.accessToken).get<{ items: unknown[] }>('/transactions?limit=10')).body.items).toHaveLength(2);
    });

    it('refuses a bad deletion body with 400 and a message', async () => {
      const user = as(bystander.accessToken);
      expect((await user.delete('/auth/me', {})).status).toBe(400);
      expect((await user.delete('/auth/me', { password: 'x'.repeat(257) })).status).toBe(400);
      expect((await user.delete('/auth/me', { password: PASSWORD, code: 'abc' })).status).toBe(400);
      expect((await user.get('/auth/me')).status).toBe(200);
    });
  });
});
