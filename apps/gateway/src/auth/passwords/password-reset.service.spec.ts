import { DomainError, ErrorCode } from '@finstack/contracts';
import { loadSigningKeys } from '@finstack/auth';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayEnv } from '../../gateway-env';
import { AccessTokenIssuer } from '../access-token.issuer';
import { accountsOn, IdentityDatabase, idleMailRelay, openIdentityDatabase, queuedMail, registerVerified } from '../identity-database.test-helper';
import { hashLinkToken } from '../one-time-secrets';
import { PasswordHasher } from '../password-hasher.service';
import { SessionsService } from '../sessions.service';
import { UserEntity } from '../user.entity';
import { PasswordResetEntity } from './password-reset.entity';
import { PasswordResetService } from './password-reset.service';
import { PasswordStrength } from './password-strength';

const EMAIL = 'ada@example.com';
const NEW_PASSWORD = 'plum orbit cascade 47';

describe('PasswordResetService (on a real SQLite identity schema)', () => {
  let db: IdentityDatabase;
  let keysDir: string;
  let passwords: PasswordHasher;
  let resets: PasswordResetService;
  let sessions: SessionsService;
  let userId: string;

  beforeEach(async () => {
    db = await openIdentityDatabase();
    keysDir = mkdtempSync(join(tmpdir(), 'finstack-keys-'));
    const env = new GatewayEnv();
    passwords = new PasswordHasher();
    sessions = new SessionsService(db.transactions, new AccessTokenIssuer(loadSigningKeys({ dataDir: keysDir }), env), env);
    resets = new PasswordResetService(db.transactions, passwords, new PasswordStrength(), sessions, idleMailRelay, env);
    userId = await registerVerified(db, accountsOn(db, passwords).accounts, { email: EMAIL, password: 'correct horse battery staple' });
  });
  afterEach(async () => {
    await db.close();
    rmSync(keysDir, { recursive: true, force: true });
  });

  /** Asks for a link and reads its token from the queued mail, as the owner would. */
  async function mailedToken(): Promise<string> {
    await resets.forgot(EMAIL);
    const mails = (await queuedMail(db.dataSource, EMAIL)).filter((mail) => /choose a new password/.test(mail.subject));
    const link = /https?:\/\/\S+\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mails[mails.length - 1].text);
    if (!link) throw new Error('no reset link mailed');
    return link[1];
  }

  async function refusal(work: Promise<unknown>): Promise<DomainError> {
    const error = await work.then(() => undefined, (caught: unknown) => caught);
    if (error instanceof DomainError) return error;
    throw new Error(`expected a DomainError, got ${String(error)}`);
  }

  it('stores only the sha256 of the link token, valid for 30 minutes', async () => {
    const before = Date.now();
    const token = await mailedToken();
    const stored = await db.dataSource.manager.findOneByOrFail(PasswordResetEntity, { userId });
    expect(stored.tokenHash).toBe(hashLinkToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - before).toBeGreaterThanOrEqual(1800_000 - 1000);
    expect(stored.expiresAt.getTime() - before).toBeLessThanOrEqual(1800_000 + 5000);
  });

  it('mails nothing for an unknown or unverified address', async () => {
    await resets.forgot('nobody@example.com');
    await accountsOn(db, passwords).accounts.register({ email: 'new@example.com', password: 'correct horse battery staple' });
    await resets.forgot('new@example.com');
    expect(await queuedMail(db.dataSource, 'nobody@example.com')).toEqual([]);
    expect((await queuedMail(db.dataSource, 'new@example.com')).map((mail) => mail.subject)).not.toContainEqual(expect.stringMatching(/new password/));
  });

  it('sets the new password once and ends every session; the link is then refused', async () => {
    const owner = await db.dataSource.manager.findOneByOrFail(UserEntity, { id: userId });
    const session = await db.transactions.run((manager) => sessions.start(manager, owner, new Date()));
    const token = await mailedToken();
    await resets.reset(token, NEW_PASSWORD);
    const user = await db.dataSource.manager.findOneByOrFail(UserEntity, { id: userId });
    expect(await passwords.verify(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await sessions.list(userId)).toEqual([]);
    expect((await refusal(sessions.refresh(session.tokens.refreshToken))).code).toBe(ErrorCode.INVALID_REFRESH_TOKEN);
    const reused = await refusal(resets.reset(token, 'another plum orbit 48'));
    expect(reused).toMatchObject({ code: ErrorCode.RESET_LINK_INVALID, status: 400 });
    expect(reused.message).toMatch(/used already/);
  });

  it('refuses an expired link, saying so, and a link replaced by a newer one', async () => {
    const first = await mailedToken();
    const second = await mailedToken();
    expect((await refusal(resets.reset(first, NEW_PASSWORD))).code).toBe(ErrorCode.RESET_LINK_INVALID);
    await db.dataSource.manager.update(PasswordResetEntity, { userId }, { expiresAt: new Date(Date.now() - 1) });
    const expired = await refusal(resets.reset(second, NEW_PASSWORD));
    expect(expired.code).toBe(ErrorCode.RESET_LINK_INVALID);
    expect(expired.message).toMatch(/expired \(links work for 30 minutes\)/);
  });

  it('refuses a weak password and keeps the link working', async () => {
    const token = await mailedToken();
    expect((await refusal(resets.reset(token, 'password1234'))).code).toBe(ErrorCode.VALIDATION_FAILED);
    await expect(resets.reset(token, NEW_PASSWORD)).resolves.toBeUndefined();
  });
});
