import { loadSigningKeys } from '@finstack/auth';
import { Envelope, LocalKeyRing } from '@finstack/crypto';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { GatewayEnv } from '../../gateway-env';
import { AccessTokenIssuer } from '../access-token.issuer';
import { accountsOn, IdentityDatabase, idleMailRelay, openIdentityDatabase, registerVerified } from '../identity-database.test-helper';
import { IDENTITY_OUTBOX } from '../login-events';
import { LoginService } from '../login.service';
import { PasswordHasher } from '../password-hasher.service';
import { RefreshTokenEntity } from '../refresh-token.entity';
import { SessionsService } from '../sessions.service';
import { SignInsService } from '../sign-in-alerts/sign-ins.service';
import { UserEntity } from '../user.entity';
import { MfaChallenges } from './mfa-challenges';
import { MfaFactors } from './mfa-factors.service';
import { MfaLoginService } from './mfa-login.service';
import { MfaRequiredView } from './mfa.views';

const PASSWORD = 'correct horse battery';
const ORIGIN = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 phone' };

describe('log-in with MFA on (on a real SQLite identity schema)', () => {
  let db: IdentityDatabase;
  let keysDir: string;
  let logins: LoginService;
  let mfaLogins: MfaLoginService;
  let totp: TOTP;

  beforeEach(async () => {
    db = await openIdentityDatabase();
    keysDir = mkdtempSync(join(tmpdir(), 'finstack-keys-'));
    const passwords = new PasswordHasher();
    const env = new GatewayEnv();
    const sessions = new SessionsService(db.transactions, new AccessTokenIssuer(loadSigningKeys({ dataDir: keysDir }), env), env);
    const challenges = new MfaChallenges();
    const signIns = new SignInsService(db.transactions, sessions, idleMailRelay, env);
    logins = new LoginService(db.dataSource.getRepository(UserEntity), passwords, signIns, db.transactions, challenges);
    const factors = new MfaFactors(db.transactions, new Envelope(new LocalKeyRing(randomBytes(32))), passwords);
    mfaLogins = new MfaLoginService(db.transactions, challenges, factors, signIns);
    const userId = await registerVerified(db, accountsOn(db, passwords).accounts, { email: 'ada@example.com', password: PASSWORD });
    const enrolment = await factors.beginEnrolment(await db.dataSource.manager.findOneByOrFail(UserEntity, { id: userId }));
    totp = new TOTP({ secret: Secret.fromBase32(new URL(enrolment.otpauthUri).searchParams.get('secret')!) });
    await factors.confirm(userId, totp.generate({ timestamp: Date.now() - 30_000 }));
  });
  afterEach(async () => {
    await db.close();
    rmSync(keysDir, { recursive: true, force: true });
  });

  const sessionsStarted = () => db.dataSource.manager.count(RefreshTokenEntity);
  const alerts = () => db.dataSource.query<{ type: string; payload: string }[]>(`SELECT type, payload FROM ${IDENTITY_OUTBOX}`);

  it('starts no session and writes no alert at the password step; the code starts both, with the password step’s origin', async () => {
    const answer = (await logins.login({ email: 'ada@example.com', password: PASSWORD, ...ORIGIN })) as MfaRequiredView;
    expect(answer.mfaRequired).toBe(true);
    expect(await sessionsStarted()).toBe(0);
    expect(await alerts()).toEqual([]);

    const tokens = await mfaLogins.verify({ mfaToken: answer.mfaToken, code: totp.generate() });
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(await sessionsStarted()).toBe(1);
    const [alert] = await alerts();
    expect(alert?.type).toBe('auth.login');
    expect(JSON.parse(alert!.payload)).toMatchObject({ ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
  });

  it('keeps the count of wrong codes even though each one is refused', async () => {
    const { mfaToken } = (await logins.login({ email: 'ada@example.com', password: PASSWORD, ...ORIGIN })) as MfaRequiredView;
    const wrong = totp.generate() === '000000' ? '000001' : '000000';
    await expect(mfaLogins.verify({ mfaToken, code: wrong })).rejects.toMatchObject({ code: 'MFA_CODE_INVALID', message: expect.stringContaining('4 tries left') });
    await expect(mfaLogins.verify({ mfaToken, code: wrong })).rejects.toMatchObject({ message: expect.stringContaining('3 tries left') });
    expect(await sessionsStarted()).toBe(0);
  });
});
