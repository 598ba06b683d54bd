import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One refresh token. All tokens descending from one log-in share a family_id,
 * so that reuse of a rotated token can revoke them all at once.
 */
@Entity({ name: 'refresh_tokens' })
@Index('UQ_refresh_tokens_token_hash', ['tokenHash'], { unique: true })
@Index('IDX_refresh_tokens_family_id', ['familyId'])
@Index('IDX_refresh_tokens_user_id', ['userId'])
export class RefreshTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'family_id', type: 'varchar', length: 36 })
  familyId!: string;

  /** sha256 of the token, hex; the token itself is never stored. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  /** Set when the token was exchanged for a new pair; presenting it again is reuse. */
  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
