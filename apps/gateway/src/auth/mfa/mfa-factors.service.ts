import { DomainError, ErrorCode } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { Envelope } from '@finstack/crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { toString as qrSvg } from 'qrcode';
import { v7 as uuidv7 } from 'uuid';
import { PasswordHasher } from '../password-hasher.service';
import { UserEntity } from '../user.entity';
import { RecoveryCodeEntity, TotpAuthenticatorEntity } from './mfa.entities';
import { RecoveryCodesView, TotpEnrolmentView } from './mfa.views';
import { hashRecoveryCode, newRecoveryCodes, normalizedRecoveryCode } from './recovery-codes';
import { newTotpSecret, otpauthUri, stepOfCode } from './totp';
import { TOTP_SECRET_PURPOSE } from './totp-secret-column';

const wrongCode = (message: string) => new DomainError(ErrorCode.MFA_CODE_INVALID, message);
const stateConflict = (message: string) => new DomainError(ErrorCode.MFA_STATE_CONFLICT, message);

/**
 * A user's second factors: the TOTP authenticator and the recovery codes.
 * Enrols, confirms, checks codes (refusing a replayed TOTP code), and turns
 * MFA off or renews the recovery codes after a password-and-code step-up.
 */
@Injectable()
export class MfaFactors {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly envelope: Envelope,
    private readonly passwords: PasswordHasher,
  ) {}

  async isEnabled(manager: EntityManager, userId: string): Promise<boolean> {
    return (await manager.findOneBy(TotpAuthenticatorEntity, { userId }))?.confirmedAt != null;
  }

  /** A new pending secret (replacing an unconfirmed one); MFA turns on only when a code confirms it. */
  async beginEnrolment(user: UserEntity): Promise<TotpEnrolmentView> {
    const secret = newTotpSecret();
    const sealedSecret = await this.envelope.seal(secret, { purpose: TOTP_SECRET_PURPOSE, userId: user.id });
    await this.transactions.run(async (manager) => {
      if (await this.isEnabled(manager, user.id)) {
        throw stateConflict('MFA is already on; to enrol another authenticator, turn it off first (DELETE /api/v1/auth/mfa/totp)');
      }
      await manager.delete(TotpAuthenticatorEntity, { userId: user.id });
      await manager.insert(TotpAuthenticatorEntity, { userId: user.id, sealedSecret, confirmedAt: null, lastUsedStep: null, createdAt: new Date() });
    });
    const uri = otpauthUri(secret, user.email);
    const svg = await qrSvg(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { otpauthUri: uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}` };
  }

  /** The first code proves the app holds the secret: MFA turns on, and the recovery codes are made. */
  async confirm(userId: string, code: string): Promise<RecoveryCodesView> {
    const outcome = await this.transactions.run(async (manager) => {
      const totp = await manager.findOneBy(TotpAuthenticatorEntity, { userId });
      if (!totp) throw stateConflict('nothing to confirm: start with POST /api/v1/auth/mfa/totp');
      if (totp.confirmedAt) throw stateConflict('MFA is already on');
      if (!(await this.acceptTotp(manager, totp, code))) return null;
      await manager.update(TotpAuthenticatorEntity, { userId }, { confirmedAt: new Date() });
      return { recoveryCodes: await this.replaceRecoveryCodes(manager, userId) };
    });
    if (!outcome) throw wrongCode('that code does not match: check the app shows finstack, and that the phone clock is right');
    return outcome;
  }

  /** Turns MFA off: the authenticator and the recovery codes go. */
  async disable(user: UserEntity, password: string, code: string): Promise<void> {
    await this.stepUp(user, password, code, async (manager) => {
      await manager.delete(RecoveryCodeEntity, { userId: user.id });
      await manager.delete(TotpAuthenticatorEntity, { userId: user.id });
    });
  }

  /** Ten new recovery codes; the old ones stop working. */
  async regenerateRecoveryCodes(user: UserEntity, password: string, code: string): Promise<RecoveryCodesView> {
    return { recoveryCodes: await this.stepUp(user, password, code, (manager) => this.replaceRecoveryCodes(manager, user.id)) };
  }

  /**
   * Checks a current TOTP code of a user with MFA on, in the caller's
   * transaction, and spends it (the same code is refused afterwards).
   */
  async checkCurrentCode(manager: EntityManager, userId: string, code: string): Promise<boolean> {
    const totp = await manager.findOneBy(TotpAuthenticatorEntity, { userId });
    return totp?.confirmedAt != null && this.acceptTotp(manager, totp, code);
  }

  /** Spends one recovery code of the user; false when it is not one of theirs or was used. */
  async useRecoveryCode(manager: EntityManager, userId: string, typed: string): Promise<boolean> {
    const normalized = normalizedRecoveryCode(typed);
    if (normalized === null) return false;
    const claimed = await manager
      .createQueryBuilder()
      .update(RecoveryCodeEntity)
      .set({ usedAt: new Date() })
      .where('user_id = :userId AND code_hash = :codeHash AND used_at IS NULL', { userId, codeHash: hashRecoveryCode(userId, normalized) })
      .execute();
    return claimed.affected === 1;
  }

  /** Unused recovery codes left (for the account view). */
  unusedRecoveryCodes(manager: EntityManager, userId: string): Promise<number> {
    return manager.countBy(RecoveryCodeEntity, { userId, usedAt: IsNull() });
  }

  /**
   * Accepts a code of a step after the last one accepted, and records its
   * step in the same statement: a code seen once is refused for good, even
   * when two requests carry it at the same time.
   */
  private async acceptTotp(manager: EntityManager, totp: TotpAuthenticatorEntity, code: string): Promise<boolean> {
    const secret = await this.envelope.openText(totp.sealedSecret, { purpose: TOTP_SECRET_PURPOSE, userId: totp.userId });
    const step = stepOfCode(secret, code, new Date());
    if (step === null) return false;
    const claimed = await manager
      .createQueryBuilder()
      .update(TotpAuthenticatorEntity)
      .set({ lastUsedStep: step })
      .where('user_id = :userId AND (last_used_step IS NULL OR last_used_step < :step)', { userId: totp.userId, step })
      .execute();
    return claimed.affected === 1;
  }

  private async replaceRecoveryCodes(manager: EntityManager, userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await manager.delete(RecoveryCodeEntity, { userId });
    await manager.insert(
      RecoveryCodeEntity,
      codes.map((code) => ({ id: uuidv7(), userId, codeHash: hashRecoveryCode(userId, normalizedRecoveryCode(code)!), usedAt: null })),
    );
    return codes;
  }

  /** Password and a current code, then the change, in one transaction (a refused step-up changes nothing but the spent code). */
  private async stepUp<T>(user: UserEntity, password: string, code: string, change: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      throw new DomainError(ErrorCode.REAUTHENTICATION_FAILED, 'the password is incorrect');
    }
    const outcome = await this.transactions.run(async (manager) => {
      if (!(await this.isEnabled(manager, user.id))) throw stateConflict('MFA is not on for this account');
      if (!(await this.checkCurrentCode(manager, user.id, code))) return { ok: false as const };
      return { ok: true as const, value: await change(manager) };
    });
    if (!outcome.ok) throw new DomainError(ErrorCode.REAUTHENTICATION_FAILED, 'the code is wrong or was already used: enter the code your app shows now');
    return outcome.value;
  }
}
