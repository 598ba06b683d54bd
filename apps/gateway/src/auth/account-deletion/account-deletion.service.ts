import { DomainError, ErrorCode, USER_DELETED_EVENT, UserDeletedPayload } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { appendEvents, domainEvent, OutboxRelay } from '@finstack/outbox';
import { Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IDENTITY_OUTBOX } from '../login-events';
import { MfaFactors } from '../mfa/mfa-factors.service';
import { PasswordHasher } from '../password-hasher.service';
import { UserEntity } from '../user.entity';
import { LiveAccounts } from './live-accounts';

/**
 * Deletes an account. The identity rows go at once, in the transaction that
 * writes a `user.deleted` event to the identity outbox; the relay then has
 * every service erase the user's data (see user-data-erasure.ts). The event
 * carries the id in its payload only, not in the outbox's user_id column,
 * and its row is removed once every service has erased.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly passwords: PasswordHasher,
    private readonly factors: MfaFactors,
    private readonly liveAccounts: LiveAccounts,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async delete(userId: string, password: string, code: string | undefined): Promise<void> {
    const user = await this.transactions.run((manager) => manager.findOneBy(UserEntity, { id: userId }));
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'the account of this token no longer exists');
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      throw new DomainError(ErrorCode.REAUTHENTICATION_FAILED, 'the password is incorrect');
    }
    const refusal = await this.transactions.run(async (manager): Promise<DomainError | null> => {
      if (await this.factors.isEnabled(manager, userId)) {
        if (code === undefined) {
          return new DomainError(ErrorCode.VALIDATION_FAILED, 'MFA is on: give code, the 6 digits your authenticator app shows now', [
            { field: 'code', errors: ['code is required when MFA is on'] },
          ]);
        }
        if (!(await this.factors.checkCurrentCode(manager, userId, code))) {
          return new DomainError(ErrorCode.REAUTHENTICATION_FAILED, 'the code is wrong or was already used: enter the code your app shows now');
        }
      }
      await deleteIdentityRows(manager, userId);
      const payload: UserDeletedPayload = { userId };
      await appendEvents(manager, IDENTITY_OUTBOX, [domainEvent(USER_DELETED_EVENT, payload)]);
      return null;
    });
    if (refusal) throw refusal;
    this.liveAccounts.forget(userId);
    this.relay?.wake();
  }
}

/**
 * Every identity row of the user. The tables that reference users cascade
 * on MySQL; they are deleted by name as well, because SQLite enforces
 * foreign keys only when the connection turns them on. Pending log-in alerts
 * for the account go too: there is nobody left to tell.
 */
async function deleteIdentityRows(manager: EntityManager, userId: string): Promise<void> {
  for (const table of ['mfa_challenges', 'mfa_recovery_codes', 'mfa_totp', 'email_verifications', 'refresh_tokens', IDENTITY_OUTBOX]) {
    await manager.query(`DELETE FROM ${table} WHERE user_id = ?`, [userId]);
  }
  await manager.delete(UserEntity, { id: userId });
}
