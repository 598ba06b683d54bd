import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Column types here only steer value conversion; the migration owns the schema
 * (CHAR(36) ids there, a type TypeORM's SQLite driver does not accept here).
 */
@Entity({ name: 'users' })
@Index('UQ_users_email_key', ['emailKey'], { unique: true })
export class UserEntity {
  /** UUIDv7. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** As the user typed it. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** Lower-cased email: what uniqueness and log-in look-ups use. */
  @Column({ name: 'email_key', type: 'varchar', length: 254 })
  emailKey!: string;

  /** Argon2id PHC string; it carries its own parameters and salt. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100, nullable: true })
  displayName!: string | null;

  /** When the owner proved the address is theirs; null until then, and such an account cannot log in. */
  @Column({ name: 'email_verified_at', type: 'datetime', precision: 3, nullable: true })
  emailVerifiedAt!: Date | null;

  /** Whether a log-in from a new device or IP is also announced by mail (the push is always sent). */
  @Column({ name: 'sign_in_alerts', type: 'boolean', default: true })
  signInAlerts!: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}

/** The key that makes emails unique regardless of case. */
export const emailKeyOf = (email: string): string => email.toLowerCase();
