import { JwtVerifier } from '@finstack/auth';
import { DomainError, ErrorCode } from '@finstack/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayEnv } from '../gateway-env';
import { AccessTokenIssuer } from './access-token.issuer';
import { accountsOn, IdentityDatabase, idleMailRelay, openIdentityDatabase, registerVerified } from './identity-database.test-helper';
import { LoginAttempt, LoginService } from './login.service';
import { PasswordHasher } from './password-hasher.service';
import { SessionsService } from './sessions.service';
import { SignInsService } from './sign-in-alerts/sign-ins.service';
import { loadSigningKeys } from '@finstack/auth';
import { UserEntity } from './user.entity';

const IP = '203.0.113.7';
const PASSWORD = 'correct horse battery';

describe('LoginService (on a real SQLite identity schema)', () => {
  let db: IdentityDatabase;
  let keysDir: string;
  let passwords: PasswordHasher;
  let logins: LoginService;
  let verifier: JwtVerifier;
  let userId: string;

  beforeEach(async () => {
    db = await openIdentityDatabase();
    keysDir = mkdtempSync(join(tmpdir(), 'finstack-keys-'));
    const keys = loadSigningKeys({ dataDir: keysDir });
    const env = Object.assign(new GatewayEnv(), { JWT_ISSUER: 'finstack-test' });
    const users = db.dataSource.getRepository(UserEntity);
    passwords = new PasswordHasher();
    const sessions = new SessionsService(db.transactions, new AccessTokenIssuer(keys, env), env);
    logins = new LoginService(users, passwords, new SignInsService(db.transactions, sessions, idleMailRelay, env));
    verifier = new JwtVerifier({ publicKey: keys.publicKeyPem, issuer: 'finstack-test' });
    const { accounts } = accountsOn(db, passwords);
    userId = await registerVerified(db, accounts, { email: 'Ada@Example.com', password: PASSWORD });
  });

  afterEach(async () => {
    await db.close();
    rmSync(keysDir, { recursive: true, force: true });
  });

  const attempt = (overrides: Partial<LoginAttempt> = {}): LoginAttempt => ({
    email: 'ada@example.com',
    password: PASSWORD,
    ip: IP,
    ...overrides,
  });

  async function refusal(work: Promise<unknown>): Promise<DomainError> {
    const error = await work.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (error instanceof DomainError) return error;
    throw new Error(`expected a DomainError, got ${String(error)}`);
  }

  it('logs in with the right password, whatever the case of the email, and returns tokens for that user', async () => {
    const tokens = await logins.login(attempt({ email: 'ADA@example.com' }));
    expect(tokens).toMatchObject({ expiresIn: 900, tokenType: 'Bearer' });
    expect(verifier.verify(tokens.accessToken)).toEqual({ userId, email: 'Ada@Example.com', sessionId: expect.any(String) });
  });

  it('gives an unknown email exactly the answer of a wrong password, after checking a password hash all the same', async () => {
    const verify = jest.spyOn(passwords, 'verify');
    const wrongPassword = await refusal(logins.login(attempt({ password: 'wrong password!' })));
    const unknownEmail = await refusal(logins.login(attempt({ email: 'nobody@example.com' })));
    expect(unknownEmail.toBody()).toEqual(wrongPassword.toBody());
    expect(unknownEmail.code).toBe(ErrorCode.INVALID_CREDENTIALS);
    expect(verify).toHaveBeenLastCalledWith(undefined, PASSWORD);
  });

  it('refuses the right password of an unverified account with 403 EMAIL_NOT_VERIFIED, saying how to get a new link', async () => {
    const { accounts } = accountsOn(db, passwords);
    await accounts.register({ email: 'new@example.com', password: PASSWORD });
    const refused = await refusal(logins.login(attempt({ email: 'new@example.com' })));
    expect(refused).toMatchObject({ code: ErrorCode.EMAIL_NOT_VERIFIED, status: 403 });
    expect(refused.message).toMatch(/resend-verification/);
    // A wrong password still says only that: the verification state is told to the owner alone.
    const wrong = await refusal(logins.login(attempt({ email: 'new@example.com', password: 'wrong password!' })));
    expect(wrong.code).toBe(ErrorCode.INVALID_CREDENTIALS);
  });
});
