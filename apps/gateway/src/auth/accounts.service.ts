import { DomainError, ErrorCode } from '@finstack/contracts';
import { isUniqueViolation, TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { GatewayEnv } from '../gateway-env';
import { enqueueMail } from '../mail/mail-outbox';
import { MailRelay } from '../mail/mail-relay.module';
import { signUpAttemptMail } from '../mail/mail-templates';
import { AccountView, toAccountView } from './account.view';
import { EmailVerificationService } from './email-verification.service';
import { TotpAuthenticatorEntity } from './mfa/mfa.entities';
import { PasswordHasher } from './password-hasher.service';
import { PasswordStrength } from './passwords/password-strength';
import { RegisterBody } from './register.dto';
import { emailKeyOf, UserEntity } from './user.entity';

/** No registration is answered sooner: a new and a known address then take the same time. */
export const REGISTER_ANSWER_FLOOR_MS = 500;

@Injectable()
export class AccountsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly passwords: PasswordHasher,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly verifications: EmailVerificationService,
    private readonly mail: MailRelay,
    private readonly env: GatewayEnv,
    private readonly strength: PasswordStrength,
  ) {}

  /**
   * Answers the same, in about the same time, whether or not the address has
   * an account: the only difference is the mail its owner receives.
   * - a new address: an unverified account, and a link and code to verify it;
   * - an unverified account: the newest registration's password, and a new link
   *   (so whoever registered someone else's address first cannot keep it);
   * - a verified account: a "someone tried to sign up with your address" mail.
   */
  async register(body: RegisterBody): Promise<void> {
    // Refused alike for every address, before anything is looked up.
    await this.strength.assertStrong('password', body.password, [body.email, body.displayName ?? '']);
    const started = performance.now();
    try {
      await this.registerOrMail(body);
    } finally {
      // The paths write different rows; a floor on the answer's time hides the difference.
      const left = REGISTER_ANSWER_FLOOR_MS - (performance.now() - started);
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    }
  }

  private async registerOrMail(body: RegisterBody): Promise<void> {
    const now = new Date();
    const emailKey = emailKeyOf(body.email);
    // Hashed on every path: the hash is most of the time a registration takes.
    const passwordHash = await this.passwords.hash(body.password);
    try {
      await this.transactions.run(async (manager) => {
        const existing = await manager.findOneBy(UserEntity, { emailKey });
        if (!existing) {
          const user: UserEntity = {
            id: uuidv7(),
            email: body.email,
            emailKey,
            passwordHash,
            displayName: body.displayName ?? null,
            emailVerifiedAt: null,
            signInAlerts: true,
            createdAt: now,
            updatedAt: now,
          };
          // Looked up first because TypeORM logs a failed INSERT with its parameters,
          // password hash included; the unique index still settles a race.
          await manager.insert(UserEntity, user);
          await this.verifications.issue(manager, user, now);
        } else if (!existing.emailVerifiedAt) {
          const update = { passwordHash, displayName: body.displayName ?? existing.displayName, updatedAt: now };
          await manager.update(UserEntity, { id: existing.id }, update);
          await this.verifications.issue(manager, { ...existing, ...update }, now);
        } else {
          await enqueueMail(manager, signUpAttemptMail(existing.email, `${this.env.PUBLIC_APP_URL}/forgot-password`));
        }
      });
    } catch (error) {
      // A concurrent registration of the same new address won; its owner got that one's mail.
      if (!isUniqueViolation(error)) throw error;
    }
    this.mail.wake();
  }

  async profile(userId: string): Promise<AccountView> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'the account of this token no longer exists');
    const totp = await this.users.manager.findOneBy(TotpAuthenticatorEntity, { userId });
    return toAccountView(user, totp?.confirmedAt != null);
  }

  async updateSettings(userId: string, settings: { signInAlerts: boolean }): Promise<AccountView> {
    await this.transactions.run((manager) => manager.update(UserEntity, { id: userId }, { signInAlerts: settings.signInAlerts, updatedAt: new Date() }));
    return this.profile(userId);
  }
}
