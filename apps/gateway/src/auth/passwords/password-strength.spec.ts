import { DomainError, ErrorCode } from '@finstack/contracts';
import { MIN_PASSWORD_SCORE, PasswordStrength } from './password-strength';

describe('PasswordStrength (zxcvbn with the common-password and English dictionaries)', () => {
  const strength = new PasswordStrength();
  afterAll(() => strength.onModuleDestroy());

  it.each(['correct horse battery staple', 'the squatters password', 'plum-orbit-47-cascade'])('accepts "%s" (score of at least 3)', async (password) => {
    const verdict = await strength.rate(password);
    expect(verdict.score).toBeGreaterThanOrEqual(MIN_PASSWORD_SCORE);
    expect(verdict.strong).toBe(true);
  });

  it.each(['password1234', 'qwertyuiop12', 'P@ssw0rd2024', 'aaaaaaaaaaaa', 'iloveyou1234'])('refuses the common or patterned "%s"', async (password) => {
    expect((await strength.rate(password)).strong).toBe(false);
  });

  it("refuses a password made of the account's own address", async () => {
    expect((await strength.rate('ada.lovelace1815', [])).strong).toBe(true);
    expect((await strength.rate('ada.lovelace1815', ['Ada.Lovelace@example.com'])).strong).toBe(false);
  });

  it('says why in the 400: the field, zxcvbn warning and suggestions', async () => {
    let error: unknown;
    try {
      await strength.assertStrong('newPassword', 'password1234');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    const refused = error as DomainError;
    expect(refused.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/^newPassword is too easy to guess .*commonly used password/);
    expect(refused.details).toEqual([
      expect.objectContaining({ field: 'newPassword', warning: expect.stringMatching(/commonly used/), suggestions: expect.arrayContaining([expect.any(String)]) }),
    ]);
  });

  it('gives a generic reason when zxcvbn names no pattern', async () => {
    const verdict = await strength.rate('kq8w3nz4');
    expect(verdict.strong).toBe(false);
    await expect(strength.assertStrong('password', 'kq8w3nz4')).rejects.toThrow(/password is too easy to guess/);
  });

  it('rates only the first 64 characters: a weak start is refused whatever follows', async () => {
    expect((await strength.rate('a'.repeat(64) + 'correct horse battery staple')).strong).toBe(false);
    expect((await strength.rate('correct horse battery staple' + 'a'.repeat(200))).strong).toBe(true);
  });
});
