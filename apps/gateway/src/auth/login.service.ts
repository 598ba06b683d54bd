import { DomainError, ErrorCode } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
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
 * successful one starts a session and tells the account's owner (SignInsService).
 */
@Injectable()
export class LoginService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordHasher,
    private readonly signIns: SignInsService,
  ) {}

  async login(attempt: LoginAttempt): Promise<TokenPair> {
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
    return this.signIns.complete(user, attempt);
  }
}
