import { Prediction, Suggestion } from '@finstack/contracts';
import { ClassificationContext } from './classification-context';
import { lexiconVerdict } from './lexicon-stage';
import { merchantCandidates, merchantVerdict } from './merchant-stage';
import { modelCandidates, modelVerdict } from './model-stage';
import { PreparedItem } from './prepared-item';
import { ruleVerdict } from './rule-stage';

const UNDECIDED: Prediction = {
  categoryId: null,
  source: 'none',
  confidence: 0,
  reason: 'no rule, merchant memory or model was sure enough',
};

const SUGGESTIONS = 3;
/** Model posteriors below this are noise, not suggestions. */
const MIN_SUGGESTION_CONFIDENCE = 0.05;

/**
 * The category of one transaction: the first stage that decides wins —
 * rules, merchant memory, the text model, the starter lexicon — otherwise none.
 * Rules and merchant memory may pick any of the user's categories; the guessing
 * stages only those that fit the direction of the money. Rules skipped
 * for time are named at the end of the reason.
 */
export function predict(item: PreparedItem, context: ClassificationContext): Prediction {
  const isLive = (categoryId: string) => context.categories.has(categoryId);
  const fits = (categoryId: string) => context.categories.fits(categoryId, item.direction);
  const rules = ruleVerdict(context.rules, item.subject, isLive);
  const prediction =
    rules.verdict ??
    merchantVerdict(context.knowledge.memory, item.payee, isLive) ??
    modelVerdict(context.knowledge.model, item, fits) ??
    lexiconVerdict(item, context, fits) ??
    UNDECIDED;
  return rules.skipped === undefined ? prediction : { ...prediction, reason: `${prediction.reason}; ${rules.skipped}` };
}

/** Up to three distinct categories across all stages, most confident first (ties: the earlier stage). */
export function suggest(item: PreparedItem, context: ClassificationContext): Suggestion[] {
  const isLive = (categoryId: string) => context.categories.has(categoryId);
  const fits = (categoryId: string) => context.categories.fits(categoryId, item.direction);
  const candidates = [
    ruleVerdict(context.rules, item.subject, isLive).verdict,
    ...merchantCandidates(context.knowledge.memory, item.payee, isLive),
    ...modelCandidates(context.knowledge.model, item, fits, SUGGESTIONS),
    lexiconVerdict(item, context, fits),
  ];
  const chosen = new Map<string, Suggestion>();
  for (const candidate of candidates) {
    if (candidate && candidate.confidence >= MIN_SUGGESTION_CONFIDENCE && !chosen.has(candidate.categoryId)) {
      chosen.set(candidate.categoryId, candidate);
    }
  }
  return [...chosen.values()].sort((a, b) => b.confidence - a.confidence).slice(0, SUGGESTIONS);
}
