import { DomainError, ErrorCode } from '@finstack/contracts';
import { EntityManager } from 'typeorm';
import { RuleEntity } from './rule.entity';

/** The user's rule with this id; another user's rule is as absent as a missing one. */
export async function findUserRule(manager: EntityManager, userId: string, id: string): Promise<RuleEntity> {
  const rule = await manager.findOneBy(RuleEntity, { id: id.toLowerCase(), userId });
  if (!rule) throw ruleNotFound(id);
  return rule;
}

export function ruleNotFound(id: string): DomainError {
  return new DomainError(ErrorCode.RULE_NOT_FOUND, `rule ${id} not found`);
}
