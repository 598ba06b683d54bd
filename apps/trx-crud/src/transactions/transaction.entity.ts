import { CategorySource } from '@finstack/contracts';
import { bigintTransformer } from '@finstack/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The schema lives in the migrations; these options only map names and conversions. */
@Entity('transactions')
export class TransactionEntity {
  @PrimaryColumn()
  id!: string;

  @Column({ name: 'user_id' })
  userId!: string;

  /** 'YYYY-MM-DD' as stored: a calendar day, not an instant. */
  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  /** Integer minor units of `currency` (cents for EUR, yen for JPY). */
  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintTransformer })
  amountMinor!: bigint;

  @Column()
  currency!: string;

  @Column()
  description!: string;

  @Column({ type: 'varchar', nullable: true })
  merchant!: string | null;

  /** Who was paid or paid us, normalised from the merchant or description (see payeeOf); groups reports. */
  @Column()
  payee!: string;

  @Column({ name: 'category_id', type: 'varchar', nullable: true })
  categoryId!: string | null;

  @Column({ name: 'category_source', type: 'varchar' })
  categorySource!: CategorySource;

  /** 0 to 1 for an automatic category; null for a manual one or none. */
  @Column({ name: 'category_confidence', type: 'double', nullable: true })
  categoryConfidence!: number | null;

  @Column({ name: 'category_reason', type: 'varchar', nullable: true })
  categoryReason!: string | null;

  @Column({ name: 'external_id', type: 'varchar', nullable: true })
  externalId!: string | null;

  /** The CSV import that created it. */
  @Column({ name: 'import_id', type: 'varchar', nullable: true })
  importId!: string | null;

  /** Content fingerprint (16 bytes) of a row imported without an externalId (import dedupe); never shown. */
  @Column({ type: 'blob', nullable: true })
  fingerprint!: Buffer | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
