import { DomainError, ErrorCode } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { LoginAttemptLimiter } from './login-attempt-limiter';
import { PasswordHasher } from './password-hasher.service';
import { SessionsService } from './sessions.service';
import { TokenPair } from './token-pair.view';
import { emailKeyOf, UserEntity } from './user.entity';

export interface LoginAttempt {
  email: string;
  password: string;
  ip: string;
  userAgent?: string;
}

/** Everything the log-in alert (a later notifications event) needs: who, from where, when, which session. */
export interface SuccessfulLogin {
  userId: string;
  email: string;
  ip: string;
  userAgent: string | null;
  sessionId: string;
  at: Date;
}

export interface LoginResult {
  tokens: TokenPair;
  login: SuccessfulLogin;
}

const MAX_USER_AGENT_LENGTH = 256;

@Injectable()
export class LoginService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordHasher,
    private readonly limiter: LoginAttemptLimiter,
    private readonly sessions: SessionsService,
  ) {}

  async login(attempt: LoginAttempt): Promise<LoginResult> {
    const emailKey = emailKeyOf(attempt.email);
    await this.limiter.beginAttempt(attempt.ip, emailKey);
    const user = await this.users.findOneBy({ emailKey });
    // An unknown email is checked against a dummy hash: same time, same answer as a wrong password.
    const passwordMatches = await this.passwords.verify(user?.passwordHash, attempt.password);
    if (!user || !passwordMatches) {
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'email or password is incorrect');
    }
    await this.limiter.attemptSucceeded(attempt.ip, emailKey);
    const session = await this.sessions.start(user);
    return {
      tokens: session.tokens,
      login: {
        userId: user.id,
        email: user.email,
        ip: attempt.ip,
        userAgent: attempt.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null,
        sessionId: session.sessionId,
        at: new Date(),
      },
    };
  }
}
