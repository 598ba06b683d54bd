import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many times a user filed one normalised statement line under one
 * category by hand. Merchant memory and the text model are both rebuilt from
 * these rows, so a better normaliser or model needs no data migration.
 */
@Entity('learned_examples')
export class LearnedExampleEntity {
  @PrimaryColumn({ name: 'user_id' })
  userId!: string;

  @PrimaryColumn({ name: 'example_key' })
  exampleKey!: string;

  @PrimaryColumn({ name: 'category_id' })
  categoryId!: string;

  @Column()
  description!: string;

  @Column({ type: 'varchar', nullable: true })
  merchant!: string | null;

  @Column({ type: 'int' })
  times!: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
