import { Suggestion } from '@finstack/contracts';
import { MerchantMemory, PayeeChoice } from '../learning/merchant-memory';

/** Stage 2. A payee the user has consistently filed under one category; confidence is that share of their choices. */
export function merchantVerdict(
  memory: MerchantMemory,
  payee: string,
  isLive: (categoryId: string) => boolean,
): Suggestion | undefined {
  const choice = memory.decide(payee, isLive);
  return choice && suggestionOf(payee, choice);
}

/** Every category the payee was filed under, for suggestions. */
export function merchantCandidates(
  memory: MerchantMemory,
  payee: string,
  isLive: (categoryId: string) => boolean,
): Suggestion[] {
  return memory.choices(payee, isLive).map((choice) => suggestionOf(payee, choice));
}

function suggestionOf(payee: string, choice: PayeeChoice): Suggestion {
  return {
    categoryId: choice.categoryId,
    source: 'learned',
    confidence: choice.times / choice.total,
    reason: `merchant "${payee}" → ${choice.times} of ${choice.total} times`,
  };
}
