import { DomainError, ErrorCode } from '@finstack/contracts';
import { createValidationPipe } from '@finstack/rpc';
import { LoginBody } from './login.dto';
import { RefreshTokenBody } from './refresh-token.dto';
import { ChangePasswordBody, ForgotPasswordBody, ResetPasswordBody } from './passwords/passwords.dto';
import { RegisterBody } from './register.dto';
import { VerifyEmailBody } from './verification.dto';

/** Runs a body through the project's own validation pipe, as the gateway does. */
async function problemsWith(metatype: new () => object, body: object): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
    return (error.details as Array<{ field: string }>).map((detail) => detail.field);
  }
}

describe('auth request bodies', () => {
  const valid = { email: 'ada@example.com', password: 'x'.repeat(10) };

  it('accepts a registration with or without a displayName', async () => {
    expect(await problemsWith(RegisterBody, valid)).toEqual([]);
    expect(await problemsWith(RegisterBody, { ...valid, displayName: 'Ada' })).toEqual([]);
  });

  it('requires a password of 10 to 256 characters', async () => {
    expect(await problemsWith(RegisterBody, { ...valid, password: 'x'.repeat(9) })).toEqual(['password']);
    expect(await problemsWith(RegisterBody, { ...valid, password: 'x'.repeat(256) })).toEqual([]);
    expect(await problemsWith(RegisterBody, { ...valid, password: 'x'.repeat(257) })).toEqual(['password']);
  });

  it('requires an email of at most 254 characters', async () => {
    expect(await problemsWith(RegisterBody, { ...valid, email: 'not an email' })).toEqual(['email']);
    const long = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`;
    expect(await problemsWith(RegisterBody, { ...valid, email: long })).toEqual(['email']);
  });

  it('refuses an empty, blank or over-long displayName', async () => {
    for (const displayName of ['', '   ', 'x'.repeat(101)]) {
      expect(await problemsWith(RegisterBody, { ...valid, displayName })).toEqual(['displayName']);
    }
  });

  it('refuses unknown fields by name, so nobody can slip in an id or a role', async () => {
    expect(await problemsWith(RegisterBody, { ...valid, role: 'admin' })).toEqual(['role']);
    expect(await problemsWith(LoginBody, { ...valid, remember: true })).toEqual(['remember']);
    expect(await problemsWith(RefreshTokenBody, { refreshToken: 'abc', userId: 'x' })).toEqual(['userId']);
  });

  it('bounds the log-in password, so nobody makes the server hash megabytes', async () => {
    expect(await problemsWith(LoginBody, { ...valid, password: 'x'.repeat(257) })).toEqual(['password']);
    expect(await problemsWith(LoginBody, { ...valid, password: '' })).toEqual(['password']);
  });

  it('checks a verification token whenever one is sent, even beside an email and code', async () => {
    const token = 'q0Vd3c8XlJ2m7Rk4sT9wYb1nE5aH6pZu';
    expect(await problemsWith(VerifyEmailBody, { token })).toEqual([]);
    expect(await problemsWith(VerifyEmailBody, { email: 'ada@example.com', code: '042917' })).toEqual([]);
    expect(await problemsWith(VerifyEmailBody, { token: 9007199254740992, email: 'ada@example.com', code: '042917' })).toEqual(['token']);
    expect(await problemsWith(VerifyEmailBody, {})).toEqual(['token', 'email', 'code']);
  });

  it('bounds the password bodies: new passwords of 10 to 256 characters, a link token as mailed', async () => {
    expect(await problemsWith(ChangePasswordBody, { currentPassword: 'x', newPassword: 'x'.repeat(10) })).toEqual([]);
    expect(await problemsWith(ChangePasswordBody, { currentPassword: '', newPassword: 'x'.repeat(257) })).toEqual(['currentPassword', 'newPassword']);
    expect(await problemsWith(ResetPasswordBody, { token: 'short', newPassword: 'x'.repeat(9) })).toEqual(['token', 'newPassword']);
    expect(await problemsWith(ForgotPasswordBody, { email: 'ada@example.com', password: 'x' })).toEqual(['password']);
  });
});
