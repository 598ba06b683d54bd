import { Suggestion } from '@finstack/contracts';
import { findStarterKeyword } from '../starter/starter-lexicon';
import { ClassificationContext } from './classification-context';
import { PreparedItem } from './prepared-item';

/**
 * Below this many manual choices a user counts as new: the shared starter
 * lexicon guesses for them. Beyond it the user's own memory and model know
 * their habits better than a generic list, and a payee they never filed
 * stays uncategorised rather than guessed.
 */
export const LITTLE_HISTORY = 50;

/** A generic list knows the merchant, not how this user files it. */
export const LEXICON_CONFIDENCE = 0.6;

/** Stage 4. Common merchants and keywords, mapped to the user's starter categories by name. */
export function lexiconVerdict(
  item: PreparedItem,
  context: ClassificationContext,
  allowed: (categoryId: string) => boolean,
): Suggestion | undefined {
  if (context.knowledge.choices >= LITTLE_HISTORY || item.text === '') return undefined;
  const found = findStarterKeyword(item.text, item.direction, (name) => {
    const categoryId = context.categories.idNamed(name);
    return categoryId !== undefined && allowed(categoryId) ? categoryId : undefined;
  });
  return (
    found && {
      categoryId: found.categoryId,
      source: 'model',
      confidence: LEXICON_CONFIDENCE,
      reason: `starter lexicon: "${found.keyword}"`,
    }
  );
}
