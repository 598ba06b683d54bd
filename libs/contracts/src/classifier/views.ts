import { CategorySource } from '../ledger/views';
import { RuleField, RuleMatchMode, RuleOperator } from './rule.dto';

export interface RuleCondition {
  field: RuleField;
  operator: RuleOperator;
  value?: string;
  values?: string[];
  min?: string;
  max?: string;
  caseSensitive?: boolean;
}

export interface RuleView {
  id: string;
  name: string;
  priority: number;
  match: RuleMatchMode;
  conditions: RuleCondition[];
  categoryId: string;
  stopProcessing: boolean;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * The classifier's verdict for one transaction. `source` says which stage
 * decided: rule, learned (merchant memory), model (text model or starter
 * lexicon), or none when nothing was sure enough.
 */
export interface Prediction {
  categoryId: string | null;
  source: Exclude<CategorySource, 'manual'>;
  confidence: number;
  reason: string;
}

export interface Suggestion {
  categoryId: string;
  confidence: number;
  source: Exclude<CategorySource, 'manual' | 'none'>;
  reason: string;
}

export interface AutoCategorizeResult {
  examined: number;
  categorized: number;
  /** Chosen by hand: never changed automatically. */
  skippedManual: number;
  /** Nothing was sure enough: left as they were. */
  undecided: number;
}

export interface RuleChange {
  transactionId: string;
  fromCategoryId: string | null;
  toCategoryId: string;
}

export interface RuleApplication {
  dryRun: boolean;
  /** Transactions the rule matches, manual ones included. */
  matched: number;
  /** What changed (or would change); manual categories are never changed. Listed up to 1,000. */
  changes: RuleChange[];
  changed: number;
}
