import { DomainError, ErrorCode } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { PasswordHasher } from '../password-hasher.service';
import { SessionsService } from '../sessions.service';
import { UserEntity } from '../user.entity';
import { PasswordStrength } from './password-strength';

/** A signed-in user's new password: it needs the current one, and ends every other session. */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly passwords: PasswordHasher,
    private readonly strength: PasswordStrength,
    private readonly sessions: SessionsService,
  ) {}

  /** `currentSessionId` stays signed in; without one (a token from before sessions had ids), every session ends. */
  async change(userId: string, currentSessionId: string | undefined, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.transactions.run((manager) => manager.findOneBy(UserEntity, { id: userId }));
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'the account of this token no longer exists');
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'currentPassword is not the password of this account', [
        { field: 'currentPassword', errors: ['currentPassword is not the password of this account'] },
      ]);
    }
    await this.strength.assertStrong('newPassword', newPassword, [user.email, user.displayName ?? '']);
    const passwordHash = await this.passwords.hash(newPassword);
    await this.transactions.run(async (manager) => {
      const now = new Date();
      await manager.update(UserEntity, { id: userId }, { passwordHash, updatedAt: now });
      await this.sessions.revokeAllBut(manager, userId, currentSessionId, now);
    });
  }
}
