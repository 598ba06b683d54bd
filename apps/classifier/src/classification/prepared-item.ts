import { Direction } from '../common/direction';
import { examplePayee, exampleText, NormalisedExample, normaliseExample } from '../learning/normalised-example';
import { RuleInput, RuleSubject, ruleSubject } from '../rules/rule-subject';
import { textFeatures, WeightedFeatures } from '../text/text-features';

/** A transaction to classify, stored or not. */
export type ClassifiableItem = RuleInput;

/** Everything the stages read, worked out once per transaction. */
export interface PreparedItem {
  subject: RuleSubject;
  direction: Direction | null;
  /** Normalised merchant and description; empty when only noise was written. */
  text: string;
  /** Merchant memory's key; empty when there is nothing to recognise the payee by. */
  payee: string;
  features: WeightedFeatures;
}

/** What an item's normalised lines give, the same for every item that normalises alike. */
type TextParts = Pick<PreparedItem, 'text' | 'payee' | 'features'>;

const NO_TEXT: TextParts = { text: '', payee: '', features: textFeatures('') };

/**
 * `known` lets the items of a batch that normalise alike share their payee
 * and features (a statement repeats its payees, store numbers and dates
 * aside): working them out was a third of classifying a batch.
 */
export function prepareItem(item: ClassifiableItem, known?: Map<string, TextParts>): PreparedItem {
  const subject = ruleSubject(item);
  const example = normaliseExample(item.description, item.merchant);
  let parts = NO_TEXT;
  if (example) {
    const key = `${example.merchant ?? ''}\n${example.description}`;
    const seen = known?.get(key);
    parts = seen ?? textParts(example);
    if (!seen) known?.set(key, parts);
  }
  return { subject, direction: subject.direction, ...parts };
}

export function prepareItems(items: readonly ClassifiableItem[]): PreparedItem[] {
  const known = new Map<string, TextParts>();
  return items.map((item) => prepareItem(item, known));
}

function textParts(example: NormalisedExample): TextParts {
  const text = exampleText(example);
  return { text, payee: examplePayee(example), features: textFeatures(text) };
}
