import { ClassificationContext } from '../../../apps/classifier/src/classification/classification-context';
import { merchantVerdict } from '../../../apps/classifier/src/classification/merchant-stage';
import { modelCandidates } from '../../../apps/classifier/src/classification/model-stage';
import { PreparedItem } from '../../../apps/classifier/src/classification/prepared-item';

export interface Guess {
  categoryId: string;
  /** Merchant memory decides whatever the threshold; the model only at or above it. */
  source: 'learned' | 'model';
  confidence: number;
}

/** What the learned stages would pick, before the model's threshold is applied. */
export function bestGuess(item: PreparedItem, context: ClassificationContext): Guess | undefined {
  const isLive = (categoryId: string) => context.categories.has(categoryId);
  const fits = (categoryId: string) => context.categories.fits(categoryId, item.direction);
  const remembered = merchantVerdict(context.knowledge.memory, item.payee, isLive);
  if (remembered) return { categoryId: remembered.categoryId, source: 'learned', confidence: remembered.confidence };
  const [modelled] = modelCandidates(context.knowledge.model, item, fits, 1);
  return modelled && { categoryId: modelled.categoryId, source: 'model', confidence: modelled.confidence };
}

/** Whether the pipeline would categorise on its own with this model threshold. */
export function decidedAt(guess: Guess | undefined, threshold: number): boolean {
  return guess !== undefined && (guess.source === 'learned' || guess.confidence >= threshold);
}
