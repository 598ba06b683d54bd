import { Secret, TOTP } from 'otpauth';

/**
 * An authenticator app for the journey: the codes of a base32 secret, each
 * 30-second step used at most once (the API refuses a replayed code), so it
 * waits for the next step when this one's code was given already.
 */
export class Authenticator {
  private readonly totp: TOTP;
  private lastStep = -1;

  constructor(secret: string) {
    this.totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  }

  async freshCode(): Promise<string> {
    let step = Math.floor(Date.now() / 30_000);
    if (step <= this.lastStep) {
      await new Promise((resolve) => setTimeout(resolve, (this.lastStep + 1) * 30_000 - Date.now() + 200));
      step = Math.floor(Date.now() / 30_000);
    }
    this.lastStep = step;
    return this.totp.generate({ timestamp: step * 30_000 + 1 });
  }
}
