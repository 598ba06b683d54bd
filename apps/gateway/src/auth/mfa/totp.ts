import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
/** A code of the step before or after now is accepted too: phone clocks drift, and typing takes time. */
const WINDOW = 1;
const ISSUER = 'finstack';

/** A new secret: 160 random bits, the size RFC 4226 recommends for SHA-1. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

function totpOf(base32Secret: string, account = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label: account, secret: Secret.fromBase32(base32Secret), algorithm: 'SHA1', digits: DIGITS, period: TOTP_PERIOD_SECONDS });
}

/** The otpauth:// URI an authenticator app imports (what the QR code holds). */
export const otpauthUri = (base32Secret: string, account: string): string => totpOf(base32Secret, account).toString();

/**
 * The time step a code belongs to, or null when it matches none of the
 * steps around `now`. The caller refuses a step not after the last one used.
 */
export function stepOfCode(base32Secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = totpOf(base32Secret);
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now.getTime() }) + delta;
}
