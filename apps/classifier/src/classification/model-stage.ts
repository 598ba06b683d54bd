import { Suggestion } from '@finstack/contracts';
import { ModelRanking, NaiveBayesModel } from '../learning/naive-bayes';
import { PreparedItem } from './prepared-item';

/**
 * The least posterior at which the text model categorises on its own, chosen
 * with `npm run bench:classifier`. There, with 20 manual choices per
 * category, 0.7 categorises 88 % of the lines from merchants the user has
 * filed before (98 % of them rightly) but only a fifth of the lines from
 * merchants they never filed, where the model is right only 70 % of the time;
 * lower thresholds guess far more often about those.
 */
export const MODEL_THRESHOLD = 0.7;

/** Words named in a reason. */
const REASON_WORDS = 3;

/** Stage 3. The user's own text model, when it is sure enough. */
export function modelVerdict(
  model: NaiveBayesModel,
  item: PreparedItem,
  allowed: (categoryId: string) => boolean,
): Suggestion | undefined {
  const ranking = model.rank(item.features, allowed);
  const [best] = ranking?.categories ?? [];
  if (!ranking || !best || best.posterior < MODEL_THRESHOLD) return undefined;
  return suggestionOf(item, ranking, 0);
}

/** The model's best categories, for suggestions. */
export function modelCandidates(
  model: NaiveBayesModel,
  item: PreparedItem,
  allowed: (categoryId: string) => boolean,
  limit: number,
): Suggestion[] {
  const ranking = model.rank(item.features, allowed);
  if (!ranking) return [];
  return ranking.categories.slice(0, limit).map((_, place) => suggestionOf(item, ranking, place));
}

function suggestionOf(item: PreparedItem, ranking: ModelRanking, place: number): Suggestion {
  const { categoryId, posterior } = ranking.categories[place];
  // Evidence is weighed against the strongest other category.
  const rival = ranking.categories[place === 0 ? 1 : 0].categoryId;
  const evidence = ranking.wordEvidence(categoryId, rival);
  return { categoryId, source: 'model', confidence: posterior, reason: `tokens ${decidingWords(item.features.words, evidence)}` };
}

/** The words that spoke most for the category, strongest first, each once. */
function decidingWords(words: readonly string[], evidence: readonly number[]): string {
  const weighed = words
    .map((word, index) => ({ word, evidence: evidence[index] }))
    .sort((a, b) => b.evidence - a.evidence)
    .filter((entry, index, all) => all.findIndex((other) => other.word === entry.word) === index);
  const speaking = weighed.filter((entry) => entry.evidence > 0);
  return (speaking.length > 0 ? speaking : weighed.slice(0, 1))
    .slice(0, REASON_WORDS)
    .map((entry) => `"${entry.word.slice(0, 40)}"`)
    .join(', ');
}
