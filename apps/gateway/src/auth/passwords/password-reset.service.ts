import { DomainError, ErrorCode } from '@finstack/contracts';
import { sqlTimestamp, TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { GatewayEnv } from '../../gateway-env';
import { enqueueMail } from '../../mail/mail-outbox';
import { MailRelay } from '../../mail/mail-relay.module';
import { passwordResetMail } from '../../mail/mail-templates';
import { hashLinkToken, newLinkToken } from '../one-time-secrets';
import { PasswordHasher } from '../password-hasher.service';
import { SessionsService } from '../sessions.service';
import { emailKeyOf, UserEntity } from '../user.entity';
import { PasswordResetEntity } from './password-reset.entity';
import { PasswordStrength } from './password-strength';

/** No forgot-password request is answered sooner: an address with and without an account take the same time. */
export const FORGOT_ANSWER_FLOOR_MS = 300;

const LINK_INVALID = 'this password-reset link is not valid: it was used already, or a newer one was mailed; ask for a new one at POST /api/v1/auth/forgot-password';

/**
 * Password reset by mail: a link with a 256-bit token, good once within
 * PASSWORD_RESET_TTL_SECONDS; only its sha256 is stored. Using it sets the
 * new password and ends every session of the account.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly passwords: PasswordHasher,
    private readonly strength: PasswordStrength,
    private readonly sessions: SessionsService,
    private readonly mail: MailRelay,
    private readonly env: GatewayEnv,
  ) {}

  /** Mails a link to a verified account's address; does nothing otherwise, in the same time. */
  async forgot(email: string): Promise<void> {
    const started = performance.now();
    try {
      const queued = await this.transactions.run(async (manager) => {
        const user = await manager.findOneBy(UserEntity, { emailKey: emailKeyOf(email) });
        // An unverified account has no proven owner yet: signing up again is its way back in.
        if (!user || !user.emailVerifiedAt) return false;
        const token = newLinkToken();
        const now = new Date();
        await manager.delete(PasswordResetEntity, { userId: user.id });
        await manager.insert(PasswordResetEntity, {
          userId: user.id,
          tokenHash: hashLinkToken(token),
          expiresAt: new Date(now.getTime() + this.env.PASSWORD_RESET_TTL_SECONDS * 1000),
          createdAt: now,
        });
        const link = `${this.env.PUBLIC_APP_URL}/reset-password?token=${token}`;
        await enqueueMail(manager, passwordResetMail(user.email, link, lifetime(this.env.PASSWORD_RESET_TTL_SECONDS)));
        return true;
      });
      if (queued) this.mail.wake();
    } finally {
      // The two paths write different rows; a floor on the answer's time hides which one ran.
      const left = FORGOT_ANSWER_FLOOR_MS - (performance.now() - started);
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    }
  }

  async reset(token: string, newPassword: string): Promise<void> {
    const tokenHash = hashLinkToken(token);
    const { pending, user } = await this.transactions.run(async (manager) => {
      const pending = await manager.findOneBy(PasswordResetEntity, { tokenHash });
      return { pending, user: pending && (await manager.findOneBy(UserEntity, { id: pending.userId })) };
    });
    if (!pending || !user) throw new DomainError(ErrorCode.RESET_LINK_INVALID, LINK_INVALID);
    if (pending.expiresAt <= new Date()) throw expired(this.env.PASSWORD_RESET_TTL_SECONDS);
    // Rated before the link is used up, so a refused password leaves the link working.
    await this.strength.assertStrong('newPassword', newPassword, [user.email, user.displayName ?? '']);
    const passwordHash = await this.passwords.hash(newPassword);
    const used = await this.transactions.run(async (manager) => {
      const now = new Date();
      // Deleted only if still there and in time: of two requests with one link, one resets.
      const claimed = await manager
        .createQueryBuilder()
        .delete()
        .from(PasswordResetEntity)
        .where('user_id = :userId AND token_hash = :tokenHash AND expires_at > :now', { userId: user.id, tokenHash, now: sqlTimestamp(now) })
        .execute();
      if (claimed.affected !== 1) return false;
      await manager.update(UserEntity, { id: user.id }, { passwordHash, updatedAt: now });
      await this.sessions.revokeAllBut(manager, user.id, undefined, now);
      return true;
    });
    if (!used) throw new DomainError(ErrorCode.RESET_LINK_INVALID, LINK_INVALID);
  }
}

function expired(ttlSeconds: number): DomainError {
  return new DomainError(
    ErrorCode.RESET_LINK_INVALID,
    `this password-reset link expired (links work for ${lifetime(ttlSeconds)}); ask for a new one at POST /api/v1/auth/forgot-password`,
  );
}

/** 1800 → "30 minutes", 1 → "1 second". */
function lifetime(seconds: number): string {
  const [count, unit] = seconds % 60 === 0 ? [seconds / 60, 'minute'] : [seconds, 'second'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
