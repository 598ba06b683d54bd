import { Secret, TOTP } from 'otpauth';

const PERIOD_MS = 30_000;

/**
 * An authenticator app for tests: computes RFC 6238 codes from the enrolment's
 * otpauth URI with otpauth, as a phone would. The server refuses a code of a
 * step it already accepted, so each fresh code is of a later step than the
 * last one handed out: the step before now, now, or the one after (the
 * server's window), waiting for the clock when all three are used.
 */
export class TotpClock {
  private readonly totp: TOTP;
  private lastStep = -Infinity;

  constructor(otpauthUri: string) {
    const secret = new URL(otpauthUri).searchParams.get('secret');
    if (!secret) throw new Error(`no secret in ${otpauthUri}`);
    this.totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  }

  /** A code the server has not seen yet. */
  async freshCode(): Promise<string> {
    for (;;) {
      const now = Date.now();
      const current = Math.floor(now / PERIOD_MS);
      // Not the step before now when it is about to fall out of the window.
      const earliest = now % PERIOD_MS > 25_000 ? current : current - 1;
      const step = Math.max(this.lastStep + 1, earliest);
      if (step <= current + 1) {
        this.lastStep = step;
        return this.codeOf(step);
      }
      await new Promise((resolve) => setTimeout(resolve, PERIOD_MS - (now % PERIOD_MS) + 50));
    }
  }

  /** A code valid now that the server may refuse for other reasons (a wrong password, an ended challenge): not counted as used. */
  currentCode(): string {
    return this.codeOf(Math.floor(Date.now() / PERIOD_MS));
  }

  /** The code last handed out, again: what a replay sends. */
  lastCode(): string {
    return this.codeOf(this.lastStep);
  }

  /** A six-digit code that matches none of the steps the server accepts now. */
  wrongCode(): string {
    const current = Math.floor(Date.now() / PERIOD_MS);
    const valid = new Set([-1, 0, 1, 2].map((offset) => this.codeOf(current + offset)));
    for (let n = 0; ; n += 1) {
      const code = String(n).padStart(6, '0');
      if (!valid.has(code)) return code;
    }
  }

  private codeOf(step: number): string {
    return this.totp.generate({ timestamp: step * PERIOD_MS });
  }
}
