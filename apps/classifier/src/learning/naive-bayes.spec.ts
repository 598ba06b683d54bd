import { normaliseStatement } from '@finstack/statement-text';
import { textFeatures } from '../text/text-features';
import { NaiveBayesModel } from './naive-bayes';

const features = (line: string) => textFeatures(normaliseStatement(line));
const any = () => true;

function trained(): NaiveBayesModel {
  const model = new NaiveBayesModel();
  for (const line of ['TESCO STORES 3297', 'TESCO EXPRESS LEEDS', 'LIDL GB 0097', 'ALDI STORES'])
    model.learn(features(line), 'groceries', 1);
  for (const line of ['SHELL OXFORD ST', 'UBER *TRIP', 'TFL TRAVEL CH', 'BP CONNECT'])
    model.learn(features(line), 'transport', 1);
  return model;
}

describe('NaiveBayesModel', () => {
  it('ranks the category whose examples share the most evidence first', () => {
    const ranking = trained().rank(features('POS TESCO STORES 0042 LONDON'), any);
    expect(ranking?.categories[0]).toEqual({ categoryId: 'groceries', posterior: expect.any(Number) });
    expect(ranking?.categories[0].posterior).toBeGreaterThan(0.9);
    expect(ranking?.categories.reduce((sum, category) => sum + category.posterior, 0)).toBeCloseTo(1, 10);
  });

  it('recognises a truncated name through its character n-grams', () => {
    expect(trained().rank(features('CARD PAYMENT TO TES'), any)?.categories[0].categoryId).toBe('groceries');
  });

  it('says which words spoke for its choice', () => {
    const ranking = trained().rank(features('TESCO OXFORD ST'), any);
    const evidence = ranking?.wordEvidence('groceries', 'transport') ?? [];
    expect(evidence[0]).toBeGreaterThan(0); // "tesco" speaks for groceries...
    expect(evidence[1]).toBeLessThan(0); // ..."oxford" against
  });

  it('has nothing to say about a text that shares no feature with its examples, or with one category', () => {
    expect(trained().rank(features('zzzz qqqq'), any)).toBeUndefined();
    const single = new NaiveBayesModel();
    single.learn(features('TESCO'), 'groceries', 1);
    expect(single.rank(features('TESCO'), any)).toBeUndefined();
  });

  it('chooses only among allowed categories', () => {
    const ranking = trained().rank(features('TESCO STORES'), (id) => id !== 'groceries');
    expect(ranking).toBeUndefined(); // one category left: nothing to choose between
  });

  it('forgets an example exactly, as if it had never been learned', () => {
    const model = trained();
    const before = model.rank(features('SHELL TESCO'), any);
    model.learn(features('TESCO FUEL'), 'transport', 1);
    model.learn(features('TESCO FUEL'), 'transport', -1);
    expect(model.rank(features('SHELL TESCO'), any)?.categories).toEqual(before?.categories);
    expect(model.exampleCount).toBe(8);
  });
});
