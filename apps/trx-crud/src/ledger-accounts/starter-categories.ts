import { CategoryKind } from '@finstack/contracts';

/** Categories every user starts with, so the first transaction can be filed at once. */
export const STARTER_CATEGORIES: ReadonlyArray<{ name: string; kind: CategoryKind }> = [
  { name: 'Groceries', kind: 'expense' },
  { name: 'Dining', kind: 'expense' },
  { name: 'Transport', kind: 'expense' },
  { name: 'Housing', kind: 'expense' },
  { name: 'Utilities', kind: 'expense' },
  { name: 'Health', kind: 'expense' },
  { name: 'Entertainment', kind: 'expense' },
  { name: 'Shopping', kind: 'expense' },
  { name: 'Travel', kind: 'expense' },
  { name: 'Income', kind: 'income' },
  { name: 'Transfers', kind: 'transfer' },
  { name: 'Fees', kind: 'expense' },
  { name: 'Other', kind: 'expense' },
];
