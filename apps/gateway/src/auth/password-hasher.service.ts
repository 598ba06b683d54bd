import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** OWASP's minimum for argon2id: 19 MiB, two passes, one lane. The one place these live. */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

@Injectable()
export class PasswordHasher {
  /**
   * Verified against when the email is unknown, so that case costs the same time
   * as a wrong password. Made up front, so the first such log-in is no slower.
   */
  private readonly dummyHash = this.hash('not-a-password-of-anyone');

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  /** Checks a password against a stored hash, or against a dummy hash when there is none. */
  async verify(storedHash: string | undefined, password: string): Promise<boolean> {
    const hash = storedHash ?? (await this.dummyHash);
    try {
      return (await argon2.verify(hash, password)) && storedHash !== undefined;
    } catch {
      return false; // a corrupt stored hash must not open the door
    }
  }
}
