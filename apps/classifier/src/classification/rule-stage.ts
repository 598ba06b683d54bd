import { Suggestion } from '@finstack/contracts';
import { CompiledRule } from '../rules/compiled-rule';
import { ruleReason } from '../rules/rule-reason';
import { RuleSubject } from '../rules/rule-subject';

/**
 * Stage 1. Every matching rule sets the category, so a later match overrides
 * an earlier one, unless a matching rule stops processing. Rules whose
 * category no longer exists are passed over.
 */
export function ruleVerdict(
  rules: readonly CompiledRule[],
  subject: RuleSubject,
  isLive: (categoryId: string) => boolean,
): Suggestion | undefined {
  let deciding: CompiledRule | undefined;
  for (const rule of rules) {
    if (!isLive(rule.categoryId) || !rule.matches(subject)) continue;
    deciding = rule;
    if (rule.stopProcessing) break;
  }
  return deciding && { categoryId: deciding.categoryId, source: 'rule', confidence: 1, reason: ruleReason(deciding) };
}
