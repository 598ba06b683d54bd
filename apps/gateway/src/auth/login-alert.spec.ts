import { DomainError, ErrorCode, EVENT_TYPES } from '@finstack/contracts';
import { OutboxRelay, OutboxRelayModule } from '@finstack/outbox';
import { createDatabaseTestApp, DatabaseTestApp } from '@finstack/testing';
import { v4 as uuidv4 } from 'uuid';
import { GatewayEnv } from '../gateway-env';
import { identityStorage } from '../identity-storage';
import { AccountsService } from './accounts.service';
import { AuthModule } from './auth.module';
import { IDENTITY_OUTBOX } from './login-events';
import { LoginAttempt, LoginService } from './login.service';
import { SessionsService } from './sessions.service';
import { UserEntity } from './user.entity';
import { idleMailRelay, queuedMail } from './identity-database.test-helper';
import { MailRelay, MailRelayModule } from '../mail/mail-relay.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';

const PASSWORD = 'correct horse battery';
const PHONE = { ip: '203.0.113.7', userAgent: 'finstack-ios/1.2 (iPhone; iOS 18.1)' };

interface StoredAlert {
  type: string;
  userId: string;
  payload: Record<string, unknown>;
}

/*
 * The auth module as the gateway wires it, on the real identity migrations:
 * a fresh SQLite file, or the MySQL/MariaDB schema named by
 * IDENTITY_TEST_DATABASE_URL (each test registers its own users). The relay is
 * a fake that only counts its wake-ups; the outbox rows are what is checked.
 */
describe('log-in alerts: one auth.login in identity_outbox per successful password log-in', () => {
  let app: DatabaseTestApp;
  let logins: LoginService;
  let sessions: SessionsService;
  let accounts: AccountsService;
  const relay = { start: () => undefined, stop: async () => undefined, wake: jest.fn() };

  beforeAll(async () => {
    app = await createDatabaseTestApp({
      name: 'identity',
      settingsClass: GatewayEnv,
      storage: identityStorage,
      modules: [AuthModule, RateLimitsModule, MailRelayModule, OutboxRelayModule.forRoot({ table: IDENTITY_OUTBOX, settingsClass: GatewayEnv })],
      databaseUrl: process.env.IDENTITY_TEST_DATABASE_URL,
      overrides: [
        { token: OutboxRelay, value: relay },
        { token: MailRelay, value: idleMailRelay },
      ],
    });
    logins = app.get(LoginService);
    sessions = app.get(SessionsService);
    accounts = app.get(AccountsService);
  });
  afterAll(() => app?.close());
  beforeEach(() => relay.wake.mockClear());

  /** A new account; its email is unique to the test. */
  async function register(): Promise<{ userId: string; email: string }> {
    const email = `ada-${uuidv4()}@example.com`;
    await accounts.register({ email, password: PASSWORD });
    const user = await app.dataSource.manager.findOneByOrFail(UserEntity, { emailKey: email });
    await app.dataSource.manager.update(UserEntity, { id: user.id }, { emailVerifiedAt: new Date() });
    return { userId: user.id, email };
  }

  const attempt = (email: string, overrides: Partial<LoginAttempt> = {}): LoginAttempt => ({
    email,
    password: PASSWORD,
    ...PHONE,
    ...overrides,
  });

  async function alertsFor(userId: string): Promise<StoredAlert[]> {
    const rows = await app.dataSource.query<{ type: string; user_id: string; payload: string }[]>(
      `SELECT type, user_id, payload FROM ${IDENTITY_OUTBOX} WHERE user_id = ? ORDER BY id`,
      [userId],
    );
    return rows.map((row) => ({ type: row.type, userId: row.user_id, payload: JSON.parse(row.payload) as Record<string, unknown> }));
  }

  async function refusal(work: Promise<unknown>): Promise<ErrorCode> {
    const error = await work.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (error instanceof DomainError) return error.code;
    throw new Error(`expected a DomainError, got ${String(error)}`);
  }

  it('writes exactly one alert for the user who logged in, with the client IP and User-Agent, and wakes the relay', async () => {
    const ada = await register();
    const bystander = await register();
    const before = Date.now();
    await logins.login(attempt(ada.email.toUpperCase()));

    const alerts = await alertsFor(ada.userId);
    expect(alerts).toEqual([
      {
        type: EVENT_TYPES.authLogin,
        userId: ada.userId,
        payload: {
          ip: PHONE.ip,
          userAgent: PHONE.userAgent,
          at: expect.any(String),
          message: `new sign-in from ${PHONE.ip}, ${PHONE.userAgent}`,
        },
      },
    ]);
    expect(Date.parse(String(alerts[0].payload.at))).toBeGreaterThanOrEqual(before);
    expect(await alertsFor(bystander.userId)).toEqual([]);
    expect(relay.wake).toHaveBeenCalledTimes(1);
  });

  it('writes one more alert for every further log-in, each with its own device', async () => {
    const ada = await register();
    await logins.login(attempt(ada.email));
    await logins.login(attempt(ada.email, { ip: '198.51.100.20', userAgent: undefined }));

    expect((await alertsFor(ada.userId)).map((alert) => alert.payload.message)).toEqual([
      `new sign-in from ${PHONE.ip}, ${PHONE.userAgent}`,
      'new sign-in from 198.51.100.20, unknown',
    ]);
  });

  it('writes nothing for a failed log-in: wrong password or unknown email', async () => {
    const ada = await register();
    for (let i = 0; i < 5; i++) {
      expect(await refusal(logins.login(attempt(ada.email, { password: `wrong password ${i}` })))).toBe(ErrorCode.INVALID_CREDENTIALS);
    }
    expect(await refusal(logins.login(attempt(`nobody-${uuidv4()}@example.com`)))).toBe(ErrorCode.INVALID_CREDENTIALS);

    expect(await alertsFor(ada.userId)).toEqual([]);
    expect(relay.wake).not.toHaveBeenCalled();
  });

  it('writes nothing for a refresh or a logout: they continue or end a session already announced', async () => {
    const ada = await register();
    const tokens = await logins.login(attempt(ada.email));
    const refreshed = await sessions.refresh(tokens.refreshToken);
    await sessions.refresh(refreshed.refreshToken).then((next) => sessions.end(next.refreshToken));

    expect(await alertsFor(ada.userId)).toHaveLength(1);
    expect(relay.wake).toHaveBeenCalledTimes(1);
  });

  it('starts no session when its alert cannot be written: the refresh token and the event commit together', async () => {
    const ada = await register();
    const away = `${IDENTITY_OUTBOX}_away`;
    await app.dataSource.query(`ALTER TABLE ${IDENTITY_OUTBOX} RENAME TO ${away}`);
    try {
      await expect(logins.login(attempt(ada.email))).rejects.toThrow();
    } finally {
      await app.dataSource.query(`ALTER TABLE ${away} RENAME TO ${IDENTITY_OUTBOX}`);
    }
    const [{ sessions: stored }] = await app.dataSource.query<{ sessions: number | string }[]>(
      'SELECT COUNT(*) AS sessions FROM refresh_tokens WHERE user_id = ?',
      [ada.userId],
    );
    expect(Number(stored)).toBe(0);
    expect(await alertsFor(ada.userId)).toEqual([]);
    expect(relay.wake).not.toHaveBeenCalled();
  });

  describe('sign-in alert mail', () => {
    const NEW_ALERT = /new sign-in to your account/;
    const alertMails = async (email: string) => (await queuedMail(app.dataSource, email)).filter((mail) => NEW_ALERT.test(mail.subject));

    it('mails nothing for the first sign-in of an account, nor for one from a known device and IP', async () => {
      const ada = await register();
      await logins.login(attempt(ada.email));
      await logins.login(attempt(ada.email));
      expect(await alertMails(ada.email)).toEqual([]);
    });

    it('mails the owner of a sign-in from a new device, and from a new IP, saying which', async () => {
      const ada = await register();
      await logins.login(attempt(ada.email));
      await logins.login(attempt(ada.email, { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0' }));
      await logins.login(attempt(ada.email, { ip: '198.51.100.20' }));
      const mails = await alertMails(ada.email);
      expect(mails).toHaveLength(2);
      expect(mails[0].text).toContain('Device: Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0.');
      expect(mails[1].text).toContain('IP address: 198.51.100.20.');
      expect(mails[1].text).toContain('/settings/sessions');
    });

    it('mails nothing once the owner turned sign-in alerts off; the push is still written', async () => {
      const ada = await register();
      await logins.login(attempt(ada.email));
      await accounts.updateSettings(ada.userId, { signInAlerts: false });
      await logins.login(attempt(ada.email, { ip: '198.51.100.21', userAgent: 'curl/8.5.0' }));
      expect(await alertMails(ada.email)).toEqual([]);
      expect(await alertsFor(ada.userId)).toHaveLength(2);
    });
  });
});
