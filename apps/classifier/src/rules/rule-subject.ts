import { toMinorUnits } from '@finstack/money';
import { Direction } from '../common/direction';

/** What rules look at in a transaction, stored or not: the text as the user sees it. */
export interface RuleInput {
  description: string;
  merchant?: string | null;
  amount: string;
  currency: string;
}

/** A transaction prepared once for every rule: lower-cased text, the amount as an exact integer. */
export interface RuleSubject {
  description: string;
  merchant: string | null;
  currency: string;
  lowerDescription: string;
  lowerMerchant: string | null;
  lowerCurrency: string;
  /** The amount in ten-thousandths: every decimal amount is an exact integer at this scale. */
  amount: bigint;
  direction: Direction | null;
}

export const AMOUNT_SCALE = 4;

export function ruleSubject(input: RuleInput): RuleSubject {
  const merchant = input.merchant ?? null;
  const amount = toMinorUnits(input.amount, AMOUNT_SCALE);
  return {
    description: input.description,
    merchant,
    currency: input.currency,
    lowerDescription: input.description.toLowerCase(),
    lowerMerchant: merchant === null ? null : merchant.toLowerCase(),
    lowerCurrency: input.currency.toLowerCase(),
    amount,
    direction: amount < 0n ? 'spent' : amount > 0n ? 'received' : null,
  };
}
