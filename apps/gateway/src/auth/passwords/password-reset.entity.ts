import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The pending password reset of one account: the sha256 of the mailed link's token. A newer request replaces it. */
@Entity({ name: 'password_resets' })
@Index('UQ_password_resets_token_hash', ['tokenHash'], { unique: true })
export class PasswordResetEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
