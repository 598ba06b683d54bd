import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per user whose starter categories were created, so they are created only once. */
@Entity('ledger_accounts')
export class LedgerAccountEntity {
  @PrimaryColumn({ name: 'user_id' })
  userId!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
