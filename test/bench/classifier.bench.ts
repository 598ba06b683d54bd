/**
 * `npm run bench:classifier`: how well the classifier learns a person's
 * habits from their manual choices, and how fast it classifies.
 *
 * Quality: simulated users, each shopping at six merchants per category
 * (drawn from over a hundred public names), with real statement noise. For
 * each user, stratified 5-fold cross-validation trains the learned stages
 * (merchant memory and the text model, exactly as the service does) on 20
 * labelled lines per category and tests on the held-out fold. The starter
 * lexicon takes no part: it serves users with little history, and it knows
 * many of these merchants by name, which would flatter the figures.
 * Speed: classifications per second in process, through the whole pipeline.
 */
import { RuleCondition } from '@finstack/contracts';
import { predict } from '../../apps/classifier/src/classification/classification-pipeline';
import { MODEL_THRESHOLD } from '../../apps/classifier/src/classification/model-stage';
import { prepareItem } from '../../apps/classifier/src/classification/prepared-item';
import { compileRule } from '../../apps/classifier/src/rules/compiled-rule';
import { RulePatterns } from '../../apps/classifier/src/rules/rule-patterns';
import { bestGuess, decidedAt, Guess } from './classifier/best-guess';
import { Fold, stratifiedFolds, unseenMerchantSplit } from './classifier/cross-validation';
import { LabelledLine, userHistory } from './classifier/labelled-set';
import { CATEGORIES } from './classifier/merchants';
import { SeededRandom } from './classifier/random';
import { accuracy, macroF1, Verdict } from './classifier/scores';
import { trainedContext } from './classifier/trained-context';

const USERS = 5;
const LINES_PER_CATEGORY = 100;
const MERCHANTS_PER_CATEGORY = 6;
const FOLDS = 5;
const TRAIN_PER_CATEGORY = 20;
const SPEED_ITEMS = 100_000;
const ACCURACY_TARGET = 0.9;
const SPEED_TARGET = 50_000;
const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

interface Outcome {
  expected: string;
  guess: Guess | undefined;
}

function evaluate(folds: readonly Fold[]): Outcome[] {
  return folds.flatMap((fold) => {
    const context = trainedContext(fold.train);
    return fold.test.map((line) => ({ expected: line.category, guess: bestGuess(prepareItem(line), context) }));
  });
}

/** Lines categorised automatically at a threshold, and how many of those are right. */
function atThreshold(outcomes: readonly Outcome[], threshold: number): { coverage: number; precision: number } {
  const decided = outcomes.filter((outcome) => decidedAt(outcome.guess, threshold));
  const right = decided.filter((outcome) => outcome.guess?.categoryId === outcome.expected).length;
  return { coverage: decided.length / outcomes.length, precision: decided.length === 0 ? 1 : right / decided.length };
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

function qualityReport(): boolean {
  const histories: LabelledLine[][] = [];
  const crossValidated: Outcome[] = [];
  const newMerchants: Outcome[] = [];
  for (let user = 0; user < USERS; user += 1) {
    const random = new SeededRandom(1000 + user);
    const history = userHistory(LINES_PER_CATEGORY, MERCHANTS_PER_CATEGORY, random);
    histories.push(history);
    crossValidated.push(...evaluate(stratifiedFolds(history, FOLDS, TRAIN_PER_CATEGORY, random)));
    newMerchants.push(...evaluate([unseenMerchantSplit(history, TRAIN_PER_CATEGORY, random)]));
  }
  const merchants = new Set(histories.flat().map((line) => line.merchant)).size;
  const listed = CATEGORIES.reduce((sum, category) => sum + category.merchants.length, 0);
  console.log(
    `labelled set: ${USERS} users × ${CATEGORIES.length} categories × ${LINES_PER_CATEGORY} distinct statement lines; ` +
      `${merchants} merchants used of ${listed} listed`,
  );
  console.log(`${FOLDS}-fold cross-validation per user, ${TRAIN_PER_CATEGORY} labelled lines per category in training`);
  console.log('learned stages only: no rules, and no starter lexicon (it knows many of these merchants by name)\n');

  const verdicts: Verdict[] = crossValidated.map((outcome) => ({ expected: outcome.expected, predicted: outcome.guess?.categoryId ?? null }));
  const bestAccuracy = accuracy(verdicts);
  console.log(`best guess of the learned stages (merchant memory, then the text model's top category):`);
  console.log(`  accuracy  ${bestAccuracy.toFixed(3)}   target ≥ ${ACCURACY_TARGET}: ${verdict(bestAccuracy >= ACCURACY_TARGET)}`);
  console.log(`  macro-F1  ${macroF1(verdicts).toFixed(3)}`);

  const chosen = atThreshold(crossValidated, MODEL_THRESHOLD);
  const automatic: Verdict[] = crossValidated.map((outcome) => ({
    expected: outcome.expected,
    predicted: decidedAt(outcome.guess, MODEL_THRESHOLD) ? (outcome.guess?.categoryId ?? null) : null,
  }));
  console.log(`\nautomatic categorisation at the model threshold ${MODEL_THRESHOLD} (the rest is left uncategorised):`);
  console.log(`  categorised ${percent(chosen.coverage)}, of which right ${percent(chosen.precision)}`);
  console.log(`  accuracy counting uncategorised as wrong ${accuracy(automatic).toFixed(3)}, macro-F1 ${macroF1(automatic).toFixed(3)}`);

  console.log('\nmodel threshold: categorised / right — cross-validation | leave-merchants-out (merchants never filed before)');
  for (const threshold of THRESHOLDS) {
    const known = atThreshold(crossValidated, threshold);
    const fresh = atThreshold(newMerchants, threshold);
    const mark = threshold === MODEL_THRESHOLD ? '  ← chosen' : '';
    console.log(
      `  ${threshold.toFixed(2)}: ${percent(known.coverage).padStart(7)} / ${percent(known.precision).padStart(7)}` +
        `  |  ${percent(fresh.coverage).padStart(7)} / ${percent(fresh.precision).padStart(7)}${mark}`,
    );
  }
  return bestAccuracy >= ACCURACY_TARGET;
}

/** A few typical rules, so that the timing includes rule evaluation (substring, pattern and amount tests). */
function typicalRules() {
  const patterns = new RulePatterns();
  const rule = (id: string, conditions: RuleCondition[]) =>
    compileRule({ id, name: id, matchMode: 'all', conditions, categoryId: 'Other', stopProcessing: false }, patterns);
  return [
    rule('gym', [{ field: 'description', operator: 'contains', value: 'fitness first' }]),
    rule('rent', [{ field: 'description', operator: 'matches', value: '^(so|sto) .*flat [0-9]+' }]),
    rule('big', [{ field: 'amount', operator: 'lt', value: '-5000' }]),
    rule('usd', [
      { field: 'currency', operator: 'equals', value: 'USD' },
      { field: 'description', operator: 'startsWith', value: 'wire' },
    ]),
  ];
}

function speedReport(): boolean {
  const random = new SeededRandom(77);
  const history = userHistory(LINES_PER_CATEGORY, MERCHANTS_PER_CATEGORY, random);
  const context = trainedContext(history, typicalRules());
  const items = userHistory(Math.ceil(SPEED_ITEMS / CATEGORIES.length), MERCHANTS_PER_CATEGORY, new SeededRandom(78))
    .slice(0, SPEED_ITEMS);
  for (const item of items.slice(0, 20_000)) predict(prepareItem(item), context); // warm the JIT up
  let categorised = 0;
  const started = performance.now();
  for (const item of items) {
    if (predict(prepareItem(item), context).categoryId !== null) categorised += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const perSecond = items.length / seconds;
  console.log(
    `\nspeed: ${items.length.toLocaleString('en')} descriptions in ${(seconds * 1000).toFixed(0)} ms ` +
      `(model of ${history.length} examples, ${context.rules.length} rules; ${percent(categorised / items.length)} categorised)`,
  );
  console.log(`  ${Math.round(perSecond).toLocaleString('en')} classifications/s   target ≥ ${SPEED_TARGET.toLocaleString('en')}/s: ${verdict(perSecond >= SPEED_TARGET)}`);
  return perSecond >= SPEED_TARGET;
}

function main(): void {
  console.log('finstack classifier benchmark\n');
  const quality = qualityReport();
  const speed = speedReport();
  process.exitCode = quality && speed ? 0 : 1;
}

main();
