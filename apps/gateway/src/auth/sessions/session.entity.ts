import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed-in device: one refresh-token family (its id is the family id),
 * with where it signed in from. Revoking it revokes the family's tokens.
 */
@Entity({ name: 'sessions' })
@Index('IDX_sessions_user_id_last_used_at', ['userId', 'lastUsedAt'])
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  /** The User-Agent of the log-in, cut to a readable length; "unknown" when none was sent. */
  @Column({ name: 'user_agent', type: 'varchar', length: 200 })
  userAgent!: string;

  /** The client IP of the log-in (TRUST_PROXY_HOPS decides which address that is). */
  @Column({ type: 'varchar', length: 64 })
  ip!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  /** The log-in, or the latest refresh of its tokens. */
  @Column({ name: 'last_used_at', type: 'datetime', precision: 3 })
  lastUsedAt!: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;
}
