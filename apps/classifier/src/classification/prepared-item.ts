import { Direction } from '../common/direction';
import { examplePayee, exampleText, normaliseExample } from '../learning/normalised-example';
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

export function prepareItem(item: ClassifiableItem): PreparedItem {
  const subject = ruleSubject(item);
  const example = normaliseExample(item.description, item.merchant);
  const text = example ? exampleText(example) : '';
  return {
    subject,
    direction: subject.direction,
    text,
    payee: example ? examplePayee(example) : '',
    features: textFeatures(text),
  };
}
