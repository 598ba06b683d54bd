import { ErrorCode } from '@finstack/contracts';
import { MailMessage } from '@finstack/mail';
import { AccountsService } from './accounts.service';
import { EmailVerificationEntity } from './email-verification.entity';
import { EmailVerificationService, MAX_FAILED_CODES } from './email-verification.service';
import { accountsOn, IdentityDatabase, openIdentityDatabase, queuedMail } from './identity-database.test-helper';
import { UserEntity } from './user.entity';

const PASSWORD = 'correct horse battery';

const tokenOf = (mail: MailMessage): string => /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
const codeOf = (mail: MailMessage): string => /code: (\d{6})/.exec(mail.text)![1];

describe('AccountsService and EmailVerificationService (on a real SQLite identity schema)', () => {
  let db: IdentityDatabase;
  let accounts: AccountsService;
  let verifications: EmailVerificationService;

  beforeEach(async () => {
    db = await openIdentityDatabase();
    ({ accounts, verifications } = accountsOn(db));
  });

  afterEach(() => db.close());

  const userOf = (email: string) => db.dataSource.manager.findOneByOrFail(UserEntity, { emailKey: email.toLowerCase() });

  it('registers an unverified account, keeps only an argon2id hash, and mails a link and a 6-digit code', async () => {
    await accounts.register({ email: 'Ada@Example.com', password: PASSWORD, displayName: 'Ada' });
    const user = await userOf('ada@example.com');
    expect(user).toMatchObject({ email: 'Ada@Example.com', displayName: 'Ada', emailVerifiedAt: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const [mail] = await queuedMail(db.dataSource, 'Ada@Example.com');
    expect(mail.subject).toBe('finstack: confirm your email address');
    expect(mail.html).toContain(tokenOf(mail));
    expect(codeOf(mail)).toMatch(/^\d{6}$/);
    // Only hashes at rest.
    const pending = await db.dataSource.manager.findOneByOrFail(EmailVerificationEntity, { userId: user.id });
    expect(JSON.stringify(pending)).not.toContain(tokenOf(mail));
    expect(JSON.stringify(pending)).not.toContain(codeOf(mail));
    await expect(accounts.profile(user.id)).resolves.toMatchObject({ emailVerified: false });
  });

  it('verifies with the link once; a second use is refused', async () => {
    await accounts.register({ email: 'ada@example.com', password: PASSWORD });
    const token = tokenOf((await queuedMail(db.dataSource, 'ada@example.com'))[0]);
    await verifications.verifyToken(token);
    expect((await userOf('ada@example.com')).emailVerifiedAt).toBeInstanceOf(Date);
    await expect(verifications.verifyToken(token)).rejects.toMatchObject({ code: ErrorCode.VERIFICATION_INVALID, status: 400 });
  });

  it('verifies with the address and the code', async () => {
    await accounts.register({ email: 'ada@example.com', password: PASSWORD });
    const code = codeOf((await queuedMail(db.dataSource, 'ada@example.com'))[0]);
    await verifications.verifyCode('ADA@example.com', code);
    expect((await userOf('ada@example.com')).emailVerifiedAt).toBeInstanceOf(Date);
  });

  it(`ends a code after ${MAX_FAILED_CODES} wrong ones: even the right code is refused then (the link still works)`, async () => {
    await accounts.register({ email: 'ada@example.com', password: PASSWORD });
    const mail = (await queuedMail(db.dataSource, 'ada@example.com'))[0];
    const wrong = codeOf(mail) === '000000' ? '111111' : '000000';
    for (let i = 0; i < MAX_FAILED_CODES - 1; i++) await expect(verifications.verifyCode('ada@example.com', wrong)).rejects.toThrow();
    // At the bound: the fifth try is still a try.
    await verifications.verifyCode('ada@example.com', codeOf(mail));
    expect((await userOf('ada@example.com')).emailVerifiedAt).toBeInstanceOf(Date);
  });

  it(`refuses the right code after ${MAX_FAILED_CODES} wrong ones`, async () => {
    await accounts.register({ email: 'ada@example.com', password: PASSWORD });
    const mail = (await queuedMail(db.dataSource, 'ada@example.com'))[0];
    const wrong = codeOf(mail) === '000000' ? '111111' : '000000';
    for (let i = 0; i < MAX_FAILED_CODES; i++) await expect(verifications.verifyCode('ada@example.com', wrong)).rejects.toThrow();
    await expect(verifications.verifyCode('ada@example.com', codeOf(mail))).rejects.toMatchObject({ code: ErrorCode.VERIFICATION_INVALID });
    await verifications.verifyToken(tokenOf(mail));
  });

  it('refuses an expired link', async () => {
    await accounts.register({ email: 'ada@example.com', password: PASSWORD });
    const token = tokenOf((await queuedMail(db.dataSource, 'ada@example.com'))[0]);
    await db.dataSource.manager.createQueryBuilder().update(EmailVerificationEntity).set({ expiresAt: new Date(Date.now() - 1000) }).execute();
    await expect(verifications.verifyToken(token)).rejects.toMatchObject({ code: ErrorCode.VERIFICATION_INVALID });
  });

  it('answers a verified address with a "someone tried to sign up" mail and changes nothing', async () => {
    await accounts.register({ email: 'ada@example.com', password: PASSWORD });
    await verifications.verifyToken(tokenOf((await queuedMail(db.dataSource, 'ada@example.com'))[0]));
    const before = await userOf('ada@example.com');
    await accounts.register({ email: 'ADA@example.COM', password: 'another good password' });
    expect(await userOf('ada@example.com')).toEqual(before);
    const mails = await queuedMail(db.dataSource, 'ada@example.com');
    expect(mails.map((m) => m.subject)).toEqual(['finstack: confirm your email address', 'finstack: someone tried to sign up with your address']);
    expect(mails[1].text).not.toMatch(/token=/);
  });

  it('gives an unverified address to its newest registration, with a new link; the old link no longer works', async () => {
    await accounts.register({ email: 'ada@example.com', password: 'first registration pw' });
    const first = (await queuedMail(db.dataSource, 'ada@example.com'))[0];
    const before = await userOf('ada@example.com');
    await accounts.register({ email: 'ada@example.com', password: PASSWORD });
    const after = await userOf('ada@example.com');
    expect(after.id).toBe(before.id);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    await expect(verifications.verifyToken(tokenOf(first))).rejects.toThrow();
    const second = (await queuedMail(db.dataSource, 'ada@example.com'))[1];
    await verifications.verifyToken(tokenOf(second));
  });

  it('resends at most once a minute per address, and says nothing about unknown or verified addresses', async () => {
    await accounts.register({ email: 'ada@example.com', password: PASSWORD });
    await verifications.resend('ada@example.com');
    expect(await queuedMail(db.dataSource, 'ada@example.com')).toHaveLength(1);
    await db.dataSource.manager.createQueryBuilder().update(EmailVerificationEntity).set({ createdAt: new Date(Date.now() - 61_000) }).execute();
    await verifications.resend('ada@example.com');
    expect(await queuedMail(db.dataSource, 'ada@example.com')).toHaveLength(2);
    await expect(verifications.resend('nobody@example.com')).resolves.toBeUndefined();
  });

  it('answers UNAUTHENTICATED for the profile of an account that no longer exists', async () => {
    await expect(accounts.profile('0190f5c2-7a3b-7c4d-8e5f-0123456789ab')).rejects.toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
    });
  });
});
