import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A user's TOTP authenticator: pending from enrolment until a first code
 * confirms it, then on. The secret is sealed (libs/crypto envelope) under the
 * purpose below and the user's id, so a copied value opens for no one else.
 */
@Entity({ name: 'mfa_totp' })
export class TotpAuthenticatorEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'sealed_secret', type: 'text' })
  sealedSecret!: string;

  /** Null while pending: MFA is on only once a code has confirmed the enrolment. */
  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true })
  confirmedAt!: Date | null;

  /** The 30-second step of the last code accepted: a code of that step or an earlier one is a replay. */
  @Column({ name: 'last_used_step', type: 'bigint', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) } })
  lastUsedStep!: number | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}

/** One single-use recovery code, hashed with its owner's id. */
@Entity({ name: 'mfa_recovery_codes' })
@Index('IDX_mfa_recovery_codes_user_id', ['userId'])
export class RecoveryCodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt!: Date | null;
}

/** The second step of one log-in: what the password step answered as mfaToken, hashed. */
@Entity({ name: 'mfa_challenges' })
@Index('UQ_mfa_challenges_token_hash', ['tokenHash'], { unique: true })
export class MfaChallengeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  /** Where the password step came from, for the log-in alert written when the challenge is met. */
  @Column({ type: 'varchar', length: 64 })
  ip!: string;

  @Column({ name: 'user_agent', type: 'varchar', length: 200, nullable: true })
  userAgent!: string | null;

  @Column({ name: 'failed_codes', type: 'int' })
  failedCodes!: number;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;
}

export const MFA_ENTITIES = [TotpAuthenticatorEntity, RecoveryCodeEntity, MfaChallengeEntity];
