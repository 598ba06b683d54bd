import { DomainError, ErrorCode } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GatewayEnv } from '../gateway-env';
import { enqueueMail } from '../mail/mail-outbox';
import { MailRelay } from '../mail/mail-relay.module';
import { verificationMail } from '../mail/mail-templates';
import { EmailVerificationEntity } from './email-verification.entity';
import { hashCode, hashLinkToken, newLinkToken, newSixDigitCode, sameHash } from './one-time-secrets';
import { emailKeyOf, UserEntity } from './user.entity';

export const VERIFICATION_TTL_HOURS = 24;
/** Wrong codes allowed per mailed code: 5 guesses of a million values. */
export const MAX_FAILED_CODES = 5;
/** A new verification mail for one address at most this often, whoever asks. */
export const RESEND_INTERVAL_MS = 60_000;

const invalid = () =>
  new DomainError(
    ErrorCode.VERIFICATION_INVALID,
    'this link or code is wrong, used or expired; ask for a new one with POST /api/v1/auth/resend-verification',
  );

/**
 * Proves that an account's owner reads its address: a link with a 256-bit
 * token and a 6-digit code, mailed together, each good once for 24 hours.
 * Only hashes are stored.
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly env: GatewayEnv,
    private readonly mail: MailRelay,
  ) {}

  /** In the caller's transaction: replaces the user's pending verification and queues its mail. */
  async issue(manager: EntityManager, user: UserEntity, now: Date): Promise<void> {
    const token = newLinkToken();
    const code = newSixDigitCode();
    // One upsert, not DELETE then INSERT: on MySQL the DELETE of a new user's absent row takes a gap lock,
    // and concurrent sign-ups (sequential ids, one gap) then deadlock on each other's INSERT.
    await manager.upsert(
      EmailVerificationEntity,
      {
        userId: user.id,
        tokenHash: hashLinkToken(token),
        codeHash: hashCode(user.id, code),
        failedCodes: 0,
        expiresAt: new Date(now.getTime() + VERIFICATION_TTL_HOURS * 3600_000),
        createdAt: now,
      },
      ['userId'],
    );
    const link = `${this.env.PUBLIC_APP_URL}/verify-email?token=${token}`;
    await enqueueMail(manager, verificationMail(user.email, link, code, VERIFICATION_TTL_HOURS));
  }

  async verifyToken(token: string): Promise<void> {
    const verified = await this.transactions.run(async (manager) => {
      const pending = await manager.findOneBy(EmailVerificationEntity, { tokenHash: hashLinkToken(token) });
      return pending ? this.complete(manager, pending, new Date()) : false;
    });
    if (!verified) throw invalid();
  }

  async verifyCode(email: string, code: string): Promise<void> {
    const verified = await this.transactions.run(async (manager) => {
      const user = await manager.findOneBy(UserEntity, { emailKey: emailKeyOf(email) });
      const pending = user && (await manager.findOneBy(EmailVerificationEntity, { userId: user.id }));
      if (!user || !pending) return false;
      // Counted before the comparison, and only while under the limit: parallel guesses cannot exceed it.
      const counted = await manager
        .createQueryBuilder()
        .update(EmailVerificationEntity)
        .set({ failedCodes: () => 'failed_codes + 1' })
        .where('user_id = :userId AND failed_codes < :max', { userId: user.id, max: MAX_FAILED_CODES })
        .execute();
      if (counted.affected !== 1 || !sameHash(hashCode(user.id, code), pending.codeHash)) return false;
      return this.complete(manager, pending, new Date());
    });
    if (!verified) throw invalid();
  }

  /** A new link and code for an unverified account; nothing (and the same answer) otherwise. */
  async resend(email: string): Promise<void> {
    const now = new Date();
    const queued = await this.transactions.run(async (manager) => {
      const user = await manager.findOneBy(UserEntity, { emailKey: emailKeyOf(email) });
      if (!user || user.emailVerifiedAt) return false;
      const pending = await manager.findOneBy(EmailVerificationEntity, { userId: user.id });
      if (pending && now.getTime() - pending.createdAt.getTime() < RESEND_INTERVAL_MS) return false;
      await this.issue(manager, user, now);
      return true;
    });
    if (queued) this.mail.wake();
  }

  private async complete(manager: EntityManager, pending: EmailVerificationEntity, now: Date): Promise<boolean> {
    if (pending.expiresAt <= now) return false;
    // Deleted only if still there: of two requests with one token, one verifies.
    const used = await manager.delete(EmailVerificationEntity, { userId: pending.userId, tokenHash: pending.tokenHash });
    if (used.affected !== 1) return false;
    await manager.update(UserEntity, { id: pending.userId }, { emailVerifiedAt: now, updatedAt: now });
    return true;
  }
}
