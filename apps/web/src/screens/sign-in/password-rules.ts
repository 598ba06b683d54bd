// The API's limits for a new password (RegisterBody and the password-change bodies), checked before submit.
// The strength check (zxcvbn score ≥ 3) stays on the server, whose 400 says why a password was refused.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

export function newPasswordProblem(value: string): string | null {
  if (value.length < PASSWORD_MIN) return `use at least ${PASSWORD_MIN} characters`;
  if (value.length > PASSWORD_MAX) return `at most ${PASSWORD_MAX} characters`;
  return null;
}
