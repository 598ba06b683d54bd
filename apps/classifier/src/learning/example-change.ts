import { TransactionView } from '@finstack/contracts';

/** One manual choice to learn (times > 0) or to forget (times < 0). */
export interface ExampleChange {
  description: string;
  merchant?: string | null;
  categoryId: string;
  times: number;
}

/**
 * What a bulk manual choice teaches, given the transactions as they were
 * before it: the new category for each one the ledger updated, and forgetting
 * a different manual choice it replaces, so that a corrected mistake stops
 * counting. Choosing again what was already chosen by hand teaches nothing.
 */
export function manualChoiceChanges(
  before: readonly TransactionView[],
  updated: readonly string[],
  categoryId: string | null,
): ExampleChange[] {
  const updatedIds = new Set(updated.map((id) => id.toLowerCase()));
  const chosen = categoryId?.toLowerCase() ?? null;
  const seen = new Set<string>();
  const changes: ExampleChange[] = [];
  for (const transaction of before) {
    const id = transaction.id.toLowerCase();
    if (!updatedIds.has(id) || seen.has(id)) continue;
    seen.add(id);
    const previous = transaction.categorySource === 'manual' ? (transaction.categoryId?.toLowerCase() ?? null) : null;
    if (previous === chosen) continue;
    const text = { description: transaction.description, merchant: transaction.merchant };
    if (previous !== null) changes.push({ ...text, categoryId: previous, times: -1 });
    if (chosen !== null) changes.push({ ...text, categoryId: chosen, times: 1 });
  }
  return changes;
}
