import { UserCategories } from '../ledger/user-categories';
import { UserKnowledge } from '../learning/user-knowledge';
import { CompiledRule } from '../rules/compiled-rule';

/** What the stages know about one user while classifying their transactions. */
export interface ClassificationContext {
  /** Enabled rules in evaluation order. */
  rules: readonly CompiledRule[];
  knowledge: UserKnowledge;
  /** The user's categories now: nothing else may be chosen. */
  categories: UserCategories;
}
