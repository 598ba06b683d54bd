import { RuleView, utcTimestamp } from '@finstack/contracts';
import { RuleEntity } from './rule.entity';

export function toRuleView(row: RuleEntity): RuleView {
  return {
    id: row.id,
    name: row.name,
    priority: row.priority,
    match: row.matchMode,
    conditions: row.conditions,
    categoryId: row.categoryId,
    stopProcessing: row.stopProcessing,
    enabled: row.enabled,
    createdAt: utcTimestamp(row.createdAt),
    updatedAt: utcTimestamp(row.updatedAt),
  };
}
