import { LocalSmtpCatcher } from '@finstack/mail';
import {
  ApiClient,
  backendFromEnv,
  codeIn,
  freePort,
  linkIn,
  Mailbox,
  newSession,
  registerMailbox,
  Stack,
  startStack,
  verifyByMail,
} from '@finstack/testing';

const backend = backendFromEnv();
const PASSWORD = 'correct horse battery staple';
const OPERATOR = 'desk.operator@example.com';
const CONFIRM = /confirm your email/;

/*
 * Sign-up through real mail: the gateway's SMTP_URL is a real SMTP server
 * (smtp-server) that this suite starts only after the first registration, so
 * the first mail must wait in the identity outbox and still arrive.
 */
describe(`sign-up by mail (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let smtpPort: number;
  let catcher: LocalSmtpCatcher | undefined;
  let mailbox: Mailbox;
  const early = `early-${Date.now()}@example.com`;

  beforeAll(async () => {
    smtpPort = await freePort();
    stack = await startStack({
      backend,
      name: 'signup',
      gatewayEnv: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, OPERATOR_EMAILS: OPERATOR },
    });
    api = new ApiClient(stack.baseUrl);
    // Registered while nothing listens on SMTP_URL: the request is taken all the same.
    expect((await api.post('/api/v1/auth/register', { email: early, password: PASSWORD })).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a few failed sends
    catcher = new LocalSmtpCatcher({ port: smtpPort });
    await catcher.start();
    mailbox = new Mailbox(catcher);
    registerMailbox(stack.baseUrl, mailbox);
  }, 240_000); // a stack of seven apps starts slowly on a busy machine
  afterAll(async () => {
    await stack?.stop();
    await catcher?.stop();
  });

  const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;

  it('delivers the mail of a registration made while the SMTP server was down, once it is up', async () => {
    const mail = await mailbox.waitFor(early, CONFIRM, 1, 40_000);
    expect(mail.from).toMatch(/finstack/);
    expect(mail.html).toContain(linkIn(mail, '/verify-email').searchParams.get('token'));
    expect(mail.html).not.toMatch(/<img/i); // no tracking pixel
    expect(mailbox.to(early)).toHaveLength(1); // retried, not duplicated
  });

  it('takes fifty sign-ups at the same moment, each answered 202 with its own mail', async () => {
    const emails = Array.from({ length: 50 }, (_, i) => unique(`crowd-${i}`));
    const answers = await Promise.all(emails.map((email) => api.post('/api/v1/auth/register', { email, password: PASSWORD })));
    expect(answers.map((answer) => answer.status)).toEqual(emails.map(() => 202));
    for (const email of emails) await mailbox.waitFor(email, CONFIRM, 1, 40_000);
  });

  it('confirms with the mailed code, then logs in', async () => {
    const email = unique('code');
    expect((await api.post('/api/v1/auth/register', { email, password: PASSWORD })).status).toBe(202);
    const code = codeIn(await mailbox.waitFor(email, CONFIRM));
    const wrong = await api.post('/api/v1/auth/verify-email', { email, code: code === '000000' ? '000001' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('VERIFICATION_INVALID');
    expect((await api.post('/api/v1/auth/verify-email', { email, code })).status).toBe(200);
    expect((await api.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(200);
    // Single use.
    expect((await api.post('/api/v1/auth/verify-email', { email, code })).status).toBe(400);
  });

  it('refuses an unverified log-in with 403 EMAIL_NOT_VERIFIED and a way forward; a resent link works', async () => {
    const email = unique('unverified');
    await api.post('/api/v1/auth/register', { email, password: PASSWORD });
    const refused = await api.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('EMAIL_NOT_VERIFIED');
    expect(String(refused.body.message)).toMatch(/resend-verification/);

    await mailbox.waitFor(email, CONFIRM);
    // Within a minute of the last mail, a resend is answered alike but sends nothing.
    const resend = await api.post('/api/v1/auth/resend-verification', { email });
    expect(resend.status).toBe(202);
    expect((await api.post('/api/v1/auth/resend-verification', { email: unique('nobody') })).body).toEqual(resend.body);
    await verifyByMail(api, email);
    expect((await api.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(200);
  });

  it('refuses bad verification bodies with 400 and a message', async () => {
    const none = await api.post('/api/v1/auth/verify-email', {});
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toMatch(/token|code/);
    expect((await api.post('/api/v1/auth/verify-email', { token: 'x'.repeat(500) })).status).toBe(400);
    expect((await api.post('/api/v1/auth/verify-email', { email: 'a@example.com', code: '12345' })).status).toBe(400);
    expect((await api.post('/api/v1/auth/verify-email', { token: 'A'.repeat(43) })).body.code).toBe('VERIFICATION_INVALID');
  });

  it('gives an unverified address listed in OPERATOR_EMAILS no operator rights, and its verified owner the role', async () => {
    // Someone registers the operator's address before its owner does.
    const squatter = await api.post('/api/v1/auth/register', { email: OPERATOR, password: 'the squatters password' });
    expect(squatter.status).toBe(202);
    const squatterLogin = await api.post('/api/v1/auth/login', { email: OPERATOR, password: 'the squatters password' });
    expect(squatterLogin.status).toBe(403);
    expect(squatterLogin.body.code).toBe('EMAIL_NOT_VERIFIED');
    expect((await api.request('PUT', '/api/v1/market/prices/ZZZ', undefined, { rawBody: 'x', headers: { 'content-type': 'text/csv' } })).status).toBe(401);

    // The owner signs up in turn and confirms by mail: the newest registration's password wins.
    const owner = await newSessionFor(OPERATOR, 'the owners own password');
    expect((await api.post('/api/v1/auth/login', { email: OPERATOR, password: 'the squatters password' })).status).toBe(401);
    const asOwner = await api.request('PUT', '/api/v1/market/prices/ZZZ', undefined, { token: owner, rawBody: 'x', headers: { 'content-type': 'text/csv' } });
    expect([401, 403]).not.toContain(asOwner.status);
    const someone = await newSession(api, 'not-operator');
    const asSomeone = await api.request('PUT', '/api/v1/market/prices/ZZZ', undefined, { token: someone.accessToken, rawBody: 'x', headers: { 'content-type': 'text/csv' } });
    expect(asSomeone.status).toBe(403);
  });

  async function newSessionFor(email: string, password: string): Promise<string> {
    // The squatter's mail must be in before counting: the owner's is the one after it.
    await mailbox.waitFor(email, CONFIRM);
    const before = mailbox.to(email).filter((m) => CONFIRM.test(m.subject)).length;
    expect((await api.post('/api/v1/auth/register', { email, password })).status).toBe(202);
    await mailbox.waitFor(email, CONFIRM, before + 1);
    await verifyByMail(api, email);
    const login = await api.post<{ accessToken: string }>('/api/v1/auth/login', { email, password });
    expect(login.status).toBe(200);
    return login.body.accessToken;
  }

  it('answers a registered and a new address with the same status, body and (within noise) time; only the mail differs', async () => {
    const taken = await newSession(api, 'taken');
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const timed = async (email: string) => {
      const started = process.hrtime.bigint();
      const response = await api.post('/api/v1/auth/register', { email, password: PASSWORD });
      return { response, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    };
    const existing: number[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < 7; i++) {
      const a = await timed(taken.email);
      const b = await timed(unique('fresh'));
      expect(a.response.status).toBe(b.response.status);
      expect({ ...a.response.body, requestId: undefined }).toEqual({ ...b.response.body, requestId: undefined });
      existing.push(a.ms);
      fresh.push(b.ms);
    }
    const [e, f] = [median(existing), median(fresh)];
    console.log(`register medians: existing ${e.toFixed(1)} ms, new ${f.toFixed(1)} ms`);
    expect(Math.abs(e - f)).toBeLessThan(Math.max(25, 0.3 * Math.max(e, f)));
    const attempt = await mailbox.waitFor(taken.email, /someone tried to sign up/);
    expect(attempt.text).not.toMatch(/token=/);
  });
});
