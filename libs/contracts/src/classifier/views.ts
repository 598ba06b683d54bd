import { CATEGORY_SOURCES, CategorySource } from '../ledger/views';
import {
  ApiBoolean,
  ApiEnum,
  ApiId,
  ApiInteger,
  ApiList,
  ApiNextCursor,
  ApiNullableId,
  ApiNumber,
  ApiText,
  ApiTimestamp,
} from '../openapi';
import { RULE_FIELDS, RULE_MATCH_MODES, RULE_OPERATORS, RuleField, RuleMatchMode, RuleOperator } from './rule.dto';

const AUTOMATIC_SOURCES = CATEGORY_SOURCES.filter((source) => source !== 'manual');
const SUGGESTION_SOURCES = AUTOMATIC_SOURCES.filter((source) => source !== 'none');

export class RuleCondition {
  @ApiEnum(RULE_FIELDS, 'RuleField')
  field!: RuleField;
  @ApiEnum(RULE_OPERATORS, 'RuleOperator')
  operator!: RuleOperator;
  @ApiText({ optional: true })
  value?: string;
  @ApiText({ optional: true, isArray: true })
  values?: string[];
  @ApiText({ optional: true })
  min?: string;
  @ApiText({ optional: true })
  max?: string;
  @ApiBoolean({ optional: true })
  caseSensitive?: boolean;
}

export class RuleView {
  @ApiId()
  id!: string;
  @ApiText({ example: 'Coffee shops' })
  name!: string;
  @ApiInteger({ description: 'lower runs first' })
  priority!: number;
  @ApiEnum(RULE_MATCH_MODES, 'RuleMatchMode')
  match!: RuleMatchMode;
  @ApiList(RuleCondition)
  conditions!: RuleCondition[];
  @ApiId()
  categoryId!: string;
  @ApiBoolean({ description: 'when it matches, no later rule runs' })
  stopProcessing!: boolean;
  @ApiBoolean()
  enabled!: boolean;
  @ApiTimestamp()
  createdAt!: string;
  @ApiTimestamp()
  updatedAt!: string;
}

/** The rules in the order they run: by priority, then by creation. At most 500 a user, so one page. */
export class RulePage {
  @ApiList(RuleView)
  items!: RuleView[];
  @ApiNextCursor()
  nextCursor!: string | null;
}

/**
 * The classifier's verdict for one transaction. `source` says which stage
 * decided: rule, learned (merchant memory), model (text model or starter
 * lexicon), or none when nothing was sure enough.
 */
export class Prediction {
  @ApiNullableId()
  categoryId!: string | null;
  @ApiEnum(AUTOMATIC_SOURCES, 'AutomaticCategorySource')
  source!: Exclude<CategorySource, 'manual'>;
  @ApiNumber({ minimum: 0, maximum: 1 })
  confidence!: number;
  @ApiText()
  reason!: string;
}

export class Suggestion {
  @ApiId()
  categoryId!: string;
  @ApiNumber({ minimum: 0, maximum: 1 })
  confidence!: number;
  @ApiEnum(SUGGESTION_SOURCES, 'SuggestionSource')
  source!: Exclude<CategorySource, 'manual' | 'none'>;
  @ApiText()
  reason!: string;
}

export class AutoCategorizeResult {
  @ApiInteger()
  examined!: number;
  @ApiInteger()
  categorized!: number;
  @ApiInteger({ description: 'chosen by hand: never changed automatically' })
  skippedManual!: number;
  @ApiInteger({ description: 'nothing was sure enough: left as they were' })
  undecided!: number;
}

export class RuleChange {
  @ApiId()
  transactionId!: string;
  @ApiNullableId()
  fromCategoryId!: string | null;
  @ApiId()
  toCategoryId!: string;
}

export class RuleApplication {
  @ApiBoolean()
  dryRun!: boolean;
  @ApiInteger({ description: 'transactions the rule matches, manual ones included' })
  matched!: number;
  @ApiList(RuleChange, { description: 'what changed (or would change); manual categories are never changed. Listed up to 1,000' })
  changes!: RuleChange[];
  @ApiInteger()
  changed!: number;
}
