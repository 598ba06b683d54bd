import { DomainError, ErrorCode } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TransactionRunner } from '@finstack/database';
import { Repository } from 'typeorm';
import { MfaChallenges } from './mfa/mfa-challenges';
import { MfaRequiredView } from './mfa/mfa.views';
import { PasswordHasher } from './password-hasher.service';
import { SignInsService } from './sign-in-alerts/sign-ins.service';
import { TokenPair } from './token-pair.view';
import { emailKeyOf, UserEntity } from './user.entity';

export interface LoginAttempt {
  email: string;
  password: string;
  /** The client IP as the gateway determines it (TRUST_PROXY_HOPS). */
  ip: string;
  userAgent?: string;
}

/**
 * Password log-in. Its limits are counted before it runs (LoginLimitGuard); a
 * successful one starts a session and tells the account's owner (SignInsService),
 * or with MFA on issues the challenge of the second step (MfaLoginService).
 */
@Injectable()
export class LoginService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordHasher,
    private readonly signIns: SignInsService,
    private readonly transactions: TransactionRunner,
    private readonly mfaChallenges: MfaChallenges,
  ) {}

  /** Tokens, or with MFA on a challenge for POST /auth/mfa/verify (the session starts there). */
  async login(attempt: LoginAttempt): Promise<TokenPair | MfaRequiredView> {
    const user = await this.users.findOneBy({ emailKey: emailKeyOf(attempt.email) });
    // An unknown email is checked against a dummy hash: same time, same answer as a wrong password.
    const passwordMatches = await this.passwords.verify(user?.passwordHash, attempt.password);
    if (!user || !passwordMatches) {
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'email or password is incorrect');
    }
    if (!user.emailVerifiedAt) {
      // Said only to whoever knows the password: it tells nothing to someone guessing.
      throw new DomainError(
        ErrorCode.EMAIL_NOT_VERIFIED,
        'confirm your email address first: open the link we mailed you, or enter its code at POST /api/v1/auth/verify-email; ' +
          'for a new one, POST /api/v1/auth/resend-verification with your email',
      );
    }
    const at = new Date();
    const outcome = await this.transactions.run(async (manager) =>
      (await this.mfaChallenges.required(manager, user.id))
        ? this.mfaChallenges.issue(manager, user.id, attempt, at)
        : this.signIns.startIn(manager, user, attempt, at),
    );
    if ('mfaRequired' in outcome) return outcome;
    this.signIns.wake(outcome);
    return outcome.tokens;
  }
}
