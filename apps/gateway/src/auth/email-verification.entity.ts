import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The pending verification of one account's email: the mailed link's token and 6-digit code, hashed. */
@Entity({ name: 'email_verifications' })
@Index('UQ_email_verifications_token_hash', ['tokenHash'], { unique: true })
export class EmailVerificationEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  /** sha256 of the link's token, hex. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  /** sha256 of the user id and the code, hex. */
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  /** Wrong codes typed so far; at the limit the code no longer works (the link still does). */
  @Column({ name: 'failed_codes', type: 'int' })
  failedCodes!: number;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
