import { CategoryKind, CategoryView } from '@finstack/contracts';
import { ClassificationContext } from '../../../apps/classifier/src/classification/classification-context';
import { UserCategories } from '../../../apps/classifier/src/ledger/user-categories';
import { normaliseExample } from '../../../apps/classifier/src/learning/normalised-example';
import { UserKnowledge } from '../../../apps/classifier/src/learning/user-knowledge';
import { CompiledRule } from '../../../apps/classifier/src/rules/compiled-rule';
import { LabelledLine } from './labelled-set';
import { CATEGORIES } from './merchants';

const KINDS: Readonly<Record<string, CategoryKind>> = { Income: 'income', Transfers: 'transfer' };

/** The benchmark's categories as the ledger would list them; the name serves as the id. */
const BENCH_CATEGORIES = new UserCategories(
  CATEGORIES.map(
    (category): CategoryView => ({
      id: category.name,
      name: category.name,
      kind: KINDS[category.name] ?? 'expense',
      color: null,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    }),
  ),
);

/** What the classifier knows of a user after they filed `training` by hand, exactly as the service learns it. */
export function trainedContext(training: readonly LabelledLine[], rules: readonly CompiledRule[] = []): ClassificationContext {
  const knowledge = new UserKnowledge(0);
  for (const line of training) {
    const example = normaliseExample(line.description);
    if (example) knowledge.learn(example, line.category, 1);
  }
  return { rules, knowledge, categories: BENCH_CATEGORIES };
}
