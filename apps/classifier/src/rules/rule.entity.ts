import { RuleCondition, RuleMatchMode } from '@finstack/contracts';
import { Column, Entity, PrimaryColumn, ValueTransformer } from 'typeorm';

/** Conditions are stored as JSON text, already validated when the rule was saved. */
const conditionsJson: ValueTransformer = {
  to: (conditions: RuleCondition[] | undefined) => (conditions === undefined ? undefined : JSON.stringify(conditions)),
  from: (text: string) => JSON.parse(text) as RuleCondition[],
};

/** The schema lives in the migrations; these options only map names and conversions. */
@Entity('rules')
export class RuleEntity {
  @PrimaryColumn()
  id!: string;

  @Column({ name: 'user_id' })
  userId!: string;

  @Column()
  name!: string;

  /** Lower runs first; rules of equal priority run in the order they were created. */
  @Column({ type: 'int' })
  priority!: number;

  @Column({ name: 'match_mode', type: 'varchar' })
  matchMode!: RuleMatchMode;

  @Column({ type: 'text', transformer: conditionsJson })
  conditions!: RuleCondition[];

  @Column({ name: 'category_id' })
  categoryId!: string;

  @Column({ name: 'stop_processing', type: 'boolean' })
  stopProcessing!: boolean;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
