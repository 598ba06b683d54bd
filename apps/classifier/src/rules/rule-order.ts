import { FindOptionsOrder } from 'typeorm';
import { RuleEntity } from './rule.entity';

/** Evaluation order: priority ascending, then the order rules were created (ids are time-ordered UUIDv7). */
export const RULE_ORDER: FindOptionsOrder<RuleEntity> = { priority: 'ASC', createdAt: 'ASC', id: 'ASC' };
