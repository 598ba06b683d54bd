import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A counter bumped with every change to a user's learned examples, in the same transaction. */
@Entity('learning_versions')
export class LearningVersionEntity {
  @PrimaryColumn({ name: 'user_id' })
  userId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
