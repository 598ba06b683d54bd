import { Suggestion } from '@finstack/contracts';
import { performance } from 'node:perf_hooks';
import { CompiledRule } from '../rules/compiled-rule';
import { RULE_EVALUATION_BUDGET_MS } from '../rules/rule-limits';
import { ruleReason } from '../rules/rule-reason';
import { RuleSubject } from '../rules/rule-subject';

/** How long one transaction's rules may take, and the clock that measures it (milliseconds). */
export interface RuleBudget {
  ms: number;
  now: () => number;
}

export const RULE_BUDGET: RuleBudget = { ms: RULE_EVALUATION_BUDGET_MS, now: () => performance.now() };

export interface RuleStageOutcome {
  verdict: Suggestion | undefined;
  /** Set when the budget ran out: which rules were skipped, for the answer's reason. */
  skipped?: string;
}

/**
 * Stage 1. Every matching rule sets the category, so a later match overrides
 * an earlier one, unless a matching rule stops processing. Rules whose
 * category no longer exists are passed over. A rule that ends past the
 * budget is skipped, with every rule after it: a rule cannot be interrupted,
 * but the next one need not start.
 */
export function ruleVerdict(
  rules: readonly CompiledRule[],
  subject: RuleSubject,
  isLive: (categoryId: string) => boolean,
  budget: RuleBudget = RULE_BUDGET,
): RuleStageOutcome {
  const start = budget.now();
  let deciding: CompiledRule | undefined;
  let skipped: string | undefined;
  for (const [index, rule] of rules.entries()) {
    if (!isLive(rule.categoryId)) continue;
    const matches = rule.matches(subject);
    if (budget.now() - start > budget.ms) {
      skipped = skippedNote(rule, rules.length - index - 1, budget.ms);
      break;
    }
    if (!matches) continue;
    deciding = rule;
    if (rule.stopProcessing) break;
  }
  const verdict = deciding && { categoryId: deciding.categoryId, source: 'rule' as const, confidence: 1, reason: ruleReason(deciding) };
  return skipped === undefined ? { verdict } : { verdict, skipped };
}

function skippedNote(rule: CompiledRule, after: number, ms: number): string {
  const later = after === 0 ? '' : ` and ${after} rule${after === 1 ? '' : 's'} after it`;
  return `rules skipped past the ${ms} ms rule budget: ${ruleReason(rule)}${later}`;
}
