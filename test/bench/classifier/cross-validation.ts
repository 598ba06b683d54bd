import { LabelledLine } from './labelled-set';
import { SeededRandom } from './random';

export interface Fold {
  train: LabelledLine[];
  test: LabelledLine[];
}

/**
 * Stratified k-fold: each category's lines are dealt round-robin into k
 * folds. A fold tests on its own lines and trains on `trainPerCategory` lines
 * per category drawn from the other folds, as a user with that much history
 * would have. No line is in both halves of a fold.
 */
export function stratifiedFolds(lines: readonly LabelledLine[], k: number, trainPerCategory: number, random: SeededRandom): Fold[] {
  const foldOf = new Map<LabelledLine, number>();
  const byCategory = groupBy(lines, (line) => line.category);
  for (const group of byCategory.values()) random.shuffle(group).forEach((line, index) => foldOf.set(line, index % k));
  return Array.from({ length: k }, (_, fold) => {
    const test = lines.filter((line) => foldOf.get(line) === fold);
    const train = [...byCategory.values()].flatMap((group) =>
      random.shuffle(group.filter((line) => foldOf.get(line) !== fold)).slice(0, trainPerCategory),
    );
    return { train, test };
  });
}

/**
 * Leave-merchants-out: the test lines are those of merchants the training
 * half never saw, the case of a user's first purchase somewhere new.
 */
export function unseenMerchantSplit(lines: readonly LabelledLine[], trainPerCategory: number, random: SeededRandom): Fold {
  const merchants = [...new Set(lines.map((line) => line.merchant))];
  const heldOut = new Set(random.shuffle(merchants).slice(0, Math.floor(merchants.length / 4)));
  const test = lines.filter((line) => heldOut.has(line.merchant));
  const seen = lines.filter((line) => !heldOut.has(line.merchant));
  const train = [...groupBy(seen, (line) => line.category).values()].flatMap((group) =>
    random.shuffle(group).slice(0, trainPerCategory),
  );
  return { train, test };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
