import { ApiClient, AppProcess, backendFromEnv, freePort, linkIn, Mailbox, newSession, Session, Stack, startStack } from '@finstack/testing';

const backend = backendFromEnv();
const NEW_PASSWORD = 'plum orbit cascade 47';
const RESET_MAIL = /choose a new password/;
const ALERT_MAIL = /new sign-in to your account/;
const PHONE = { 'user-agent': 'finstack-ios/1.2 (iPhone; iOS 18.1)', 'x-forwarded-for': '203.0.113.7' };
const LAPTOP = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0', 'x-forwarded-for': '198.51.100.4' };

interface Tokens {
  accessToken: string;
  refreshToken: string;
}
interface SessionItem {
  id: string;
  userAgent: string;
  ip: string;
  createdAt: string;
  lastUsedAt: string;
  current: boolean;
}

/*
 * Passwords, sessions and sign-in alerts through the real gateway and real
 * mail (smtp-server). Clients tell their IP through X-Forwarded-For, as behind
 * the load balancer (TRUST_PROXY_HOPS=1).
 */
describe(`passwords, sessions and sign-in alerts (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let mailbox: Mailbox;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'passwords', gatewayEnv: { TRUST_PROXY_HOPS: '1' } });
    api = new ApiClient(stack.baseUrl);
    mailbox = stack.mailbox;
  }, 240_000); // a stack of seven apps starts slowly on a busy machine
  afterAll(() => stack?.stop());

  const logIn = async (user: Session, headers: Record<string, string>, password = user.password): Promise<Tokens> => {
    const login = await api.post<Tokens>('/api/v1/auth/login', { email: user.email, password }, { headers });
    expect(login.status).toBe(200);
    return login.body;
  };
  const refreshStatus = async (refreshToken: string) => (await api.post('/api/v1/auth/refresh', { refreshToken })).status;
  const sessionsOf = async (accessToken: string) => {
    const listed = await api.get<{ items: SessionItem[]; nextCursor: null }>('/api/v1/auth/sessions', { token: accessToken });
    expect(listed.status).toBe(200);
    return listed.body;
  };

  describe('change password', () => {
    it('needs the current password and a strong new one, then signs out every other session and keeps this one', async () => {
      const user = await newSession(api, 'change');
      const phone = await logIn(user, PHONE);
      const laptop = await logIn(user, LAPTOP);

      const wrong = await api.post('/api/v1/auth/change-password', { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD }, { token: laptop.accessToken });
      expect(wrong.status).toBe(400);
      expect(wrong.body.details).toEqual([{ field: 'currentPassword', errors: [expect.stringMatching(/not the password/)] }]);

      const weak = await api.post('/api/v1/auth/change-password', { currentPassword: user.password, newPassword: 'password1234' }, { token: laptop.accessToken });
      expect(weak.status).toBe(400);
      expect(weak.body.code).toBe('VALIDATION_FAILED');
      expect(weak.body.details).toEqual([
        expect.objectContaining({ field: 'newPassword', warning: expect.stringMatching(/commonly used password/), suggestions: expect.arrayContaining([expect.any(String)]) }),
      ]);
      // Nothing changed: the old password still works.
      expect((await api.post('/api/v1/auth/login', { email: user.email, password: user.password }, { headers: LAPTOP })).status).toBe(200);

      const changed = await api.post('/api/v1/auth/change-password', { currentPassword: user.password, newPassword: NEW_PASSWORD }, { token: laptop.accessToken });
      expect(changed.status).toBe(204);
      expect(await refreshStatus(phone.refreshToken)).toBe(401);
      expect(await refreshStatus(user.refreshToken)).toBe(401);
      expect(await refreshStatus(laptop.refreshToken)).toBe(200);
      expect((await api.post('/api/v1/auth/login', { email: user.email, password: user.password })).status).toBe(401);
      expect((await api.post('/api/v1/auth/login', { email: user.email, password: NEW_PASSWORD })).status).toBe(200);
    });

    it('refuses a weak password at registration, saying why', async () => {
      const weak = await api.post('/api/v1/auth/register', { email: `weak-${Date.now()}@example.com`, password: 'qwertyuiop12' });
      expect(weak.status).toBe(400);
      expect(String(weak.body.message)).toMatch(/^password is too easy to guess/);
      expect(weak.body.details).toEqual([expect.objectContaining({ field: 'password' })]);
    });
  });

  describe('forgot and reset password', () => {
    it('answers 202 alike, in about the same time, for an address with and without an account; only the owner gets a link', async () => {
      const user = await newSession(api, 'forgot-alike');
      const known = await api.post('/api/v1/auth/forgot-password', { email: user.email.toUpperCase() });
      const unknown = await api.post('/api/v1/auth/forgot-password', { email: `nobody-${Date.now()}@example.com` });
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect({ ...known.body, requestId: undefined }).toEqual({ ...unknown.body, requestId: undefined });
      const mail = await mailbox.waitFor(user.email, RESET_MAIL);
      expect(linkIn(mail, '/reset-password').searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(mail.text).toMatch(/30 minutes/);

      // And in about the same time: the time of an answer tells nothing either.
      const timed = async (email: string) => {
        const started = process.hrtime.bigint();
        expect((await api.post('/api/v1/auth/forgot-password', { email })).status).toBe(202);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
      const [withAccount, without]: number[][] = [[], []];
      for (let i = 0; i < 5; i++) {
        withAccount.push(await timed(user.email));
        without.push(await timed(`nobody-${i}-${Date.now()}@example.com`));
      }
      const [k, u] = [median(withAccount), median(without)];
      console.log(`forgot-password medians: with an account ${k.toFixed(1)} ms, without ${u.toFixed(1)} ms`);
      expect(Math.abs(k - u)).toBeLessThan(Math.max(25, 0.3 * Math.max(k, u)));
    });

    it('resets with the mailed link once: every session is signed out, the new password works, the link is then refused', async () => {
      const user = await newSession(api, 'reset');
      const phone = await logIn(user, PHONE);
      await api.post('/api/v1/auth/forgot-password', { email: user.email });
      const token = linkIn(await mailbox.waitFor(user.email, RESET_MAIL), '/reset-password').searchParams.get('token');

      // A weak password is refused and leaves the link usable.
      const weak = await api.post('/api/v1/auth/reset-password', { token, newPassword: 'iloveyou1234' });
      expect(weak.status).toBe(400);
      expect(weak.body.details).toEqual([expect.objectContaining({ field: 'newPassword' })]);

      expect((await api.post('/api/v1/auth/reset-password', { token, newPassword: NEW_PASSWORD })).status).toBe(204);
      expect(await refreshStatus(phone.refreshToken)).toBe(401);
      expect(await refreshStatus(user.refreshToken)).toBe(401);
      expect((await api.post('/api/v1/auth/login', { email: user.email, password: user.password })).status).toBe(401);
      expect((await api.post('/api/v1/auth/login', { email: user.email, password: NEW_PASSWORD })).status).toBe(200);

      const reused = await api.post('/api/v1/auth/reset-password', { token, newPassword: 'another plum orbit 48' });
      expect(reused.status).toBe(400);
      expect(reused.body.code).toBe('RESET_LINK_INVALID');
      expect(String(reused.body.message)).toMatch(/used already.*forgot-password/);
      expect((await api.post('/api/v1/auth/login', { email: user.email, password: NEW_PASSWORD })).status).toBe(200);
    });

    it('refuses an expired link (a gateway whose links live 1 second) and changes nothing', async () => {
      const user = await newSession(api, 'expired');
      const port = await freePort();
      const shortLived = new AppProcess({
        app: 'gateway',
        env: { ...stack.gateway.spec.env, PORT: String(port), MIGRATIONS_RUN: 'false', PASSWORD_RESET_TTL_SECONDS: '1' },
        ready: { url: `http://127.0.0.1:${port}/health` },
      });
      await shortLived.start();
      try {
        const quick = new ApiClient(`http://127.0.0.1:${port}`);
        expect((await quick.post('/api/v1/auth/forgot-password', { email: user.email })).status).toBe(202);
        const mail = await mailbox.waitFor(user.email, RESET_MAIL);
        expect(mail.text).toMatch(/works once, for 1 second,/);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const expired = await quick.post('/api/v1/auth/reset-password', { token: linkIn(mail, '/reset-password').searchParams.get('token'), newPassword: NEW_PASSWORD });
        expect(expired.status).toBe(400);
        expect(expired.body.code).toBe('RESET_LINK_INVALID');
        expect(String(expired.body.message)).toMatch(/expired \(links work for 1 second\)/);
      } finally {
        await shortLived.stop();
      }
      expect(await refreshStatus(user.refreshToken)).toBe(200);
      expect((await api.post('/api/v1/auth/login', { email: user.email, password: user.password })).status).toBe(200);
    });

    it('refuses an unknown link and a malformed body with 400 and a message', async () => {
      const unknown = await api.post('/api/v1/auth/reset-password', { token: 'A'.repeat(43), newPassword: NEW_PASSWORD });
      expect(unknown.status).toBe(400);
      expect(unknown.body.code).toBe('RESET_LINK_INVALID');
      const malformed = await api.post('/api/v1/auth/reset-password', { token: 'x', newPassword: 'short' });
      expect(malformed.status).toBe(400);
      expect(String(malformed.body.message)).toMatch(/token.*newPassword|newPassword.*token/);
      expect((await api.post('/api/v1/auth/forgot-password', { email: 'not-an-email' })).status).toBe(400);
    });
  });

  describe('sessions', () => {
    it('lists the devices with IP, user agent and which one is current; ends one, then all others', async () => {
      const user = await newSession(api, 'sessions');
      const phone = await logIn(user, PHONE);
      const laptop = await logIn(user, LAPTOP);

      const listed = await sessionsOf(laptop.accessToken);
      expect(listed.nextCursor).toBeNull();
      expect(listed.items).toHaveLength(3);
      expect(listed.items[0]).toMatchObject({ userAgent: LAPTOP['user-agent'], ip: '198.51.100.4', current: true });
      expect(listed.items[1]).toMatchObject({ userAgent: PHONE['user-agent'], ip: '203.0.113.7', current: false });
      expect(listed.items.filter((item) => item.current)).toHaveLength(1);
      expect(Date.parse(listed.items[0].createdAt)).toBeLessThanOrEqual(Date.parse(listed.items[0].lastUsedAt));

      // Another user cannot end it, nor see it.
      const stranger = await newSession(api, 'stranger');
      const phoneId = listed.items[1].id;
      expect((await api.delete(`/api/v1/auth/sessions/${phoneId}`, { token: stranger.accessToken })).status).toBe(404);
      expect((await sessionsOf(stranger.accessToken)).items.map((item) => item.id)).not.toContain(phoneId);
      expect((await api.delete('/api/v1/auth/sessions/not-a-uuid', { token: laptop.accessToken })).status).toBe(400);

      expect((await api.delete(`/api/v1/auth/sessions/${phoneId}`, { token: laptop.accessToken })).status).toBe(204);
      expect(await refreshStatus(phone.refreshToken)).toBe(401);
      expect((await api.delete(`/api/v1/auth/sessions/${phoneId}`, { token: laptop.accessToken })).status).toBe(404);
      expect((await sessionsOf(laptop.accessToken)).items).toHaveLength(2);

      expect((await api.delete('/api/v1/auth/sessions', { token: laptop.accessToken })).status).toBe(204);
      expect(await refreshStatus(user.refreshToken)).toBe(401);
      const after = await sessionsOf(laptop.accessToken);
      expect(after.items.map((item) => item.current)).toEqual([true]);
      expect(await refreshStatus(laptop.refreshToken)).toBe(200);
    });

    it('needs an access token', async () => {
      expect((await api.get('/api/v1/auth/sessions')).status).toBe(401);
      expect((await api.delete('/api/v1/auth/sessions')).status).toBe(401);
    });
  });

  describe('sign-in alert mail', () => {
    it('mails a sign-in from a new IP or device, not one from a known one, and none once turned off', async () => {
      const user = await newSession(api, 'alerts'); // signs in from 127.0.0.1 with the test client's agent
      const me = await api.get('/api/v1/auth/me', { token: user.accessToken });
      expect(me.body.signInAlerts).toBe(true);

      await logIn(user, PHONE);
      const alert = await mailbox.waitFor(user.email, ALERT_MAIL);
      expect(alert.text).toContain('IP address: 203.0.113.7.');
      expect(alert.text).toContain(`Device: ${PHONE['user-agent']}.`);
      await logIn(user, PHONE); // known now
      await logIn(user, { ...PHONE, 'user-agent': 'curl/8.5.0' }); // a new device on a known IP
      await mailbox.waitFor(user.email, ALERT_MAIL, 2);

      const off = await api.patch('/api/v1/auth/me', { signInAlerts: false }, { token: user.accessToken });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ email: user.email, signInAlerts: false });
      await logIn(user, LAPTOP);
      // The relay sends within a second of a commit; give a mail that should not come time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(mailbox.to(user.email).filter((mail) => ALERT_MAIL.test(mail.subject))).toHaveLength(2);
      expect((await api.get('/api/v1/auth/me', { token: user.accessToken })).body.signInAlerts).toBe(false);
    });

    it('refuses a setting that is not a boolean', async () => {
      const user = await newSession(api, 'settings');
      const bad = await api.patch('/api/v1/auth/me', { signInAlerts: 'no' }, { token: user.accessToken });
      expect(bad.status).toBe(400);
      expect(String(bad.body.message)).toMatch(/signInAlerts/);
      expect((await api.patch('/api/v1/auth/me', { email: 'x@example.com', signInAlerts: true }, { token: user.accessToken })).status).toBe(400);
    });
  });
});
