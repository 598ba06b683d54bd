import { CategoryKind } from '@finstack/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The schema lives in the migrations; these options only map names and conversions. */
@Entity('categories')
export class CategoryEntity {
  @PrimaryColumn()
  id!: string;

  @Column({ name: 'user_id' })
  userId!: string;

  @Column()
  name!: string;

  @Column({ name: 'name_key' })
  nameKey!: string;

  @Column({ type: 'varchar' })
  kind!: CategoryKind;

  @Column({ type: 'varchar', nullable: true })
  color!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
