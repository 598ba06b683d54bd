import { DomainError, ErrorCode } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { appendEvents, OutboxRelay } from '@finstack/outbox';
import { Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { LoginAttemptLimiter } from './login-attempt-limiter';
import { authLoginEvent, IDENTITY_OUTBOX, LoginOrigin } from './login-events';
import { MfaChallenges } from './mfa/mfa-challenges';
import { MfaRequiredView } from './mfa/mfa.views';
import { PasswordHasher } from './password-hasher.service';
import { SessionsService } from './sessions.service';
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
 * Password log-in. A successful one starts a session and tells the account's
 * owner ("new sign-in from <ip>, <agent>"): the refresh token and the
 * auth.login event are written in one database transaction, so there is
 * never a session nobody was told of, nor an alert for a log-in that failed.
 * With MFA on, both wait for the second step (MfaLoginService calls startSession).
 */
@Injectable()
export class LoginService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordHasher,
    private readonly limiter: LoginAttemptLimiter,
    private readonly sessions: SessionsService,
    private readonly transactions: TransactionRunner,
    private readonly mfaChallenges: MfaChallenges,
    // Absent where no relay runs (specs of the auth module alone).
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  /** Tokens, or with MFA on a challenge for POST /auth/mfa/verify (the session starts there). */
  async login(attempt: LoginAttempt): Promise<TokenPair | MfaRequiredView> {
    const emailKey = emailKeyOf(attempt.email);
    await this.limiter.beginAttempt(attempt.ip, emailKey);
    const user = await this.users.findOneBy({ emailKey });
    // An unknown email is checked against a dummy hash: same time, same answer as a wrong password.
    const passwordMatches = await this.passwords.verify(user?.passwordHash, attempt.password);
    if (!user || !passwordMatches) {
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'email or password is incorrect');
    }
    await this.limiter.attemptSucceeded(attempt.ip, emailKey);
    if (!user.emailVerifiedAt) {
      // Said only to whoever knows the password: it tells nothing to someone guessing.
      throw new DomainError(
        ErrorCode.EMAIL_NOT_VERIFIED,
        'confirm your email address first: open the link we mailed you, or enter its code at POST /api/v1/auth/verify-email; ' +
          'for a new one, POST /api/v1/auth/resend-verification with your email',
      );
    }
    const at = new Date();
    const answer = await this.transactions.run(async (manager) =>
      (await this.mfaChallenges.required(manager, user.id))
        ? this.mfaChallenges.issue(manager, user.id, attempt, at)
        : this.startSession(manager, user, attempt, at),
    );
    this.relay?.wake(); // committed: the alert may leave now rather than at the relay's next poll
    return answer;
  }

  /** Starts a session and writes its auth.login alert in the caller's transaction (also the end of an MFA log-in). */
  async startSession(manager: EntityManager, user: UserEntity, origin: LoginOrigin, at: Date): Promise<TokenPair> {
    const started = await this.sessions.start(manager, user, at);
    await appendEvents(manager, IDENTITY_OUTBOX, [authLoginEvent(user.id, origin, at)]);
    return started.tokens;
  }
}
