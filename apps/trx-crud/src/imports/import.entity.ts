import { ImportStatus } from '@finstack/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A finished import: how it ended and what it counted. The schema lives in the migrations. */
@Entity('imports')
export class ImportEntity {
  @PrimaryColumn()
  id!: string;

  @Column({ name: 'user_id' })
  userId!: string;

  @Column({ type: 'varchar' })
  status!: ImportStatus;

  @Column({ name: 'file_name', type: 'varchar', nullable: true })
  fileName!: string | null;

  @Column({ type: 'int' })
  inserted!: number;

  @Column({ type: 'int' })
  duplicates!: number;

  /** JSON array of the first failures, {line, reason}. */
  @Column({ type: 'text' })
  failed!: string;

  /** Every failure, also those beyond the ones kept in `failed`. */
  @Column({ name: 'failed_count', type: 'int' })
  failedCount!: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3 })
  completedAt!: Date;
}
