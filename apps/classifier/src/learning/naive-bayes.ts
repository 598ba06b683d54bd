import { WeightedFeatures } from '../text/text-features';

/**
 * A multinomial naive Bayes text model with additive (Laplace) smoothing over
 * weighted features, trained one example at a time and untrained the same
 * way, so that it follows a user's manual choices as they change.
 *
 * Scores are kept sparse: a feature a category has never seen adds the same
 * log(α) to every category, so only the categories each feature was seen in
 * are visited, which keeps a prediction at a few microseconds.
 */

/** Additive smoothing (tuned with the benchmark). */
const ALPHA = 0.1;

/** Where one feature was seen: parallel lists, usually of one or two categories. */
interface FeatureStats {
  categories: number[];
  weights: number[];
  /** log(1 + weight / α), kept so that ranking needs no logarithm per feature. */
  logs: number[];
}

export interface RankedCategory {
  categoryId: string;
  /** P(category | text) among the categories allowed, 0–1. */
  posterior: number;
}

export interface ModelRanking {
  /** Best first. */
  categories: RankedCategory[];
  /** How much each word of the text speaks for `categoryId` over `rival` (log-likelihood ratio; positive is for). */
  wordEvidence(categoryId: string, rival: string): number[];
}

export class NaiveBayesModel {
  private readonly categoryIds: string[] = [];
  private readonly categoryIndex = new Map<string, number>();
  /** Examples per category. */
  private readonly examples: number[] = [];
  /** Feature weight per category. */
  private readonly featureTotals: number[] = [];
  private readonly stats = new Map<string, FeatureStats>();

  /** Adds (times > 0) or removes (times < 0) one example's features under a category. */
  learn(features: WeightedFeatures, categoryId: string, times: number): void {
    if (times === 0 || features.names.length === 0) return;
    const index = this.indexOf(categoryId);
    this.examples[index] = Math.max(0, this.examples[index] + times);
    features.names.forEach((name, position) => {
      const change = features.weights[position] * times;
      const added = this.addWeight(name, index, change);
      this.featureTotals[index] = round(this.featureTotals[index] + added);
    });
  }

  /** How many examples the model has learned from. */
  get exampleCount(): number {
    return this.examples.reduce((sum, count) => sum + count, 0);
  }

  /** How many distinct features the model holds: its share of the cache budget. */
  get featureCount(): number {
    return this.stats.size;
  }

  /**
   * Ranks the allowed categories the model has examples of. Undefined when
   * fewer than two such categories exist (nothing to choose between) or when
   * the text shares no feature with anything learned.
   */
  rank(features: WeightedFeatures, allowed: (categoryId: string) => boolean): ModelRanking | undefined {
    const candidates = this.candidates(allowed);
    if (candidates.length < 2) return undefined;
    const { names, weights } = features;
    const found: (FeatureStats | undefined)[] = new Array(names.length);
    const scores = new Float64Array(this.categoryIds.length);
    let known = 0;
    for (let position = 0; position < names.length; position += 1) {
      const stats = this.stats.get(names[position]);
      found[position] = stats;
      if (!stats) continue;
      const weight = weights[position];
      known += weight;
      for (let k = 0; k < stats.categories.length; k += 1) scores[stats.categories[k]] += weight * stats.logs[k];
    }
    if (known === 0) return undefined;
    let totalExamples = 0;
    for (const index of candidates) totalExamples += this.examples[index];
    let best = -Infinity;
    const logScores = candidates.map((index) => {
      const score =
        Math.log((this.examples[index] + 1) / (totalExamples + candidates.length)) +
        scores[index] -
        known * Math.log(this.featureTotals[index] + ALPHA * this.stats.size);
      if (score > best) best = score;
      return score;
    });
    let sum = 0;
    const odds = logScores.map((score) => {
      const value = Math.exp(score - best);
      sum += value;
      return value;
    });
    const categories = candidates
      .map((index, position) => ({ categoryId: this.categoryIds[index], posterior: odds[position] / sum }))
      .sort((a, b) => b.posterior - a.posterior);
    return { categories, wordEvidence: (categoryId, rival) => this.wordEvidence(features, found, categoryId, rival) };
  }

  private wordEvidence(
    features: WeightedFeatures,
    found: readonly (FeatureStats | undefined)[],
    categoryId: string,
    rival: string,
  ): number[] {
    const index = this.categoryIndex.get(categoryId) ?? -1;
    const rivalIndex = this.categoryIndex.get(rival) ?? -1;
    const smoothing = ALPHA * this.stats.size;
    const norm = Math.log((this.featureTotals[rivalIndex] + smoothing) / (this.featureTotals[index] + smoothing));
    let start = 0;
    return features.wordEnds.map((end) => {
      let evidence = 0;
      for (let position = start; position < end; position += 1) {
        const stats = found[position];
        if (!stats) continue;
        const ratio = Math.log((weightIn(stats, index) + ALPHA) / (weightIn(stats, rivalIndex) + ALPHA));
        evidence += features.weights[position] * (ratio + norm);
      }
      start = end;
      return evidence;
    });
  }

  /** Changes a feature's weight in a category, never below zero; returns the change made. */
  private addWeight(name: string, index: number, change: number): number {
    let stats = this.stats.get(name);
    if (!stats) {
      if (change <= 0) return 0;
      stats = { categories: [], weights: [], logs: [] };
      this.stats.set(name, stats);
    }
    let slot = stats.categories.indexOf(index);
    if (slot < 0) {
      if (change <= 0) return 0;
      slot = stats.categories.push(index) - 1;
      stats.weights.push(0);
      stats.logs.push(0);
    }
    const before = stats.weights[slot];
    // Rounded so that adding and removing the same example leaves exactly nothing behind.
    const after = Math.max(0, round(before + change));
    if (after > 0) {
      stats.weights[slot] = after;
      stats.logs[slot] = Math.log1p(after / ALPHA);
    } else {
      stats.categories.splice(slot, 1);
      stats.weights.splice(slot, 1);
      stats.logs.splice(slot, 1);
      if (stats.categories.length === 0) this.stats.delete(name);
    }
    return after - before;
  }

  private candidates(allowed: (categoryId: string) => boolean): number[] {
    const indices: number[] = [];
    for (let index = 0; index < this.categoryIds.length; index += 1) {
      if (this.examples[index] > 0 && allowed(this.categoryIds[index])) indices.push(index);
    }
    return indices;
  }

  private indexOf(categoryId: string): number {
    let index = this.categoryIndex.get(categoryId);
    if (index === undefined) {
      index = this.categoryIds.length;
      this.categoryIds.push(categoryId);
      this.categoryIndex.set(categoryId, index);
      this.examples.push(0);
      this.featureTotals.push(0);
    }
    return index;
  }
}

function weightIn(stats: FeatureStats, index: number): number {
  const slot = stats.categories.indexOf(index);
  return slot < 0 ? 0 : stats.weights[slot];
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
