import { Envelope, LocalKeyRing } from '@finstack/crypto';
import { DomainError } from '@finstack/contracts';
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { IdentityDatabase, accountsOn, openIdentityDatabase, registerVerified } from '../identity-database.test-helper';
import { PasswordHasher } from '../password-hasher.service';
import { UserEntity } from '../user.entity';
import { MfaFactors } from './mfa-factors.service';
import { TOTP_SECRET_PURPOSE } from './totp-secret-column';
import { TotpAuthenticatorEntity } from './mfa.entities';

const PASSWORD = 'correct horse battery';

describe('MfaFactors (on a real SQLite identity schema, with a local key)', () => {
  let db: IdentityDatabase;
  let factors: MfaFactors;
  let envelope: Envelope;
  let user: UserEntity;
  let totp: TOTP;

  beforeEach(async () => {
    db = await openIdentityDatabase();
    const passwords = new PasswordHasher();
    const userId = await registerVerified(db, accountsOn(db, passwords).accounts, { email: 'ada@example.com', password: PASSWORD });
    user = await db.dataSource.manager.findOneByOrFail(UserEntity, { id: userId });
    envelope = new Envelope(new LocalKeyRing(randomBytes(32)));
    factors = new MfaFactors(db.transactions, envelope, passwords);
    const enrolment = await factors.beginEnrolment(user);
    totp = new TOTP({ secret: Secret.fromBase32(new URL(enrolment.otpauthUri).searchParams.get('secret')!) });
  });
  afterEach(() => db.close());

  const codeAt = (offsetSteps: number) => totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
  const check = (code: string) => db.transactions.run((manager) => factors.checkCurrentCode(manager, user.id, code));
  const useRecovery = (code: string) => db.transactions.run((manager) => factors.useRecoveryCode(manager, user.id, code));

  it('stores the secret sealed under the user: not in clear, and unreadable under another user', async () => {
    const row = await db.dataSource.manager.findOneByOrFail(TotpAuthenticatorEntity, { userId: user.id });
    const secret = totp.secret.base32;
    expect(row.sealedSecret).not.toContain(secret);
    expect(await envelope.openText(row.sealedSecret, { purpose: TOTP_SECRET_PURPOSE, userId: user.id })).toBe(secret);
    await expect(envelope.openText(row.sealedSecret, { purpose: TOTP_SECRET_PURPOSE, userId: 'someone-else' })).rejects.toThrow(/cannot be opened/);
  });

  it('is off until a code confirms the enrolment; a wrong first code leaves it off', async () => {
    await expect(factors.confirm(user.id, codeAt(0) === '000000' ? '000001' : '000000')).rejects.toBeInstanceOf(DomainError);
    expect(await db.transactions.run((manager) => factors.isEnabled(manager, user.id))).toBe(false);
    expect((await factors.confirm(user.id, codeAt(0))).recoveryCodes).toHaveLength(10);
    expect(await db.transactions.run((manager) => factors.isEnabled(manager, user.id))).toBe(true);
  });

  it('refuses a code already used, and any code of an earlier step than the last one used', async () => {
    await factors.confirm(user.id, codeAt(-1));
    expect(await check(codeAt(-1))).toBe(false); // the confirmation's own code, again
    expect(await check(codeAt(1))).toBe(true);
    expect(await check(codeAt(0))).toBe(false); // valid now, but older than the last one used
    expect(await check(codeAt(1))).toBe(false);
  });

  it('lets two requests carrying one code in at once use it only once', async () => {
    await factors.confirm(user.id, codeAt(-1));
    const code = codeAt(0);
    expect((await Promise.all([check(code), check(code), check(code)])).filter(Boolean)).toHaveLength(1);
  });

  it('accepts each recovery code once, and none of them after they are renewed', async () => {
    const { recoveryCodes } = await factors.confirm(user.id, codeAt(0));
    expect(await useRecovery(recoveryCodes[0]!)).toBe(true);
    expect(await useRecovery(recoveryCodes[0]!)).toBe(false);
    await factors.regenerateRecoveryCodes(user, PASSWORD, codeAt(1));
    expect(await useRecovery(recoveryCodes[1]!)).toBe(false);
  });

  it('turns off only with the right password and a current code', async () => {
    await factors.confirm(user.id, codeAt(-1));
    await expect(factors.disable(user, 'wrong password', codeAt(0))).rejects.toMatchObject({ code: 'REAUTHENTICATION_FAILED' });
    await expect(factors.disable(user, PASSWORD, codeAt(-1))).rejects.toMatchObject({ code: 'REAUTHENTICATION_FAILED' });
    await factors.disable(user, PASSWORD, codeAt(0));
    expect(await db.transactions.run((manager) => factors.isEnabled(manager, user.id))).toBe(false);
    expect(await db.dataSource.manager.count(TotpAuthenticatorEntity)).toBe(0);
  });
});
