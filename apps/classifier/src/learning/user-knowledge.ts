import { MerchantMemory } from './merchant-memory';
import { NaiveBayesModel } from './naive-bayes';
import { examplePayee, exampleFeatures, NormalisedExample } from './normalised-example';

/**
 * Everything one user taught by hand, in memory: merchant memory and the
 * text model, at the version of the user's stored examples they reflect.
 */
export class UserKnowledge {
  readonly memory = new MerchantMemory();
  readonly model = new NaiveBayesModel();

  constructor(public version: number) {}

  /** Learns (times > 0) or unlearns (times < 0) one example under a category. */
  learn(example: NormalisedExample, categoryId: string, times: number): void {
    this.memory.record(examplePayee(example), categoryId, times);
    this.model.learn(exampleFeatures(example), categoryId, times);
  }

  /** How many manual choices it was taught. */
  get choices(): number {
    return this.model.exampleCount;
  }

  /** A measure of its memory footprint, for the cache's budget. */
  get size(): number {
    return this.model.featureCount + this.memory.size;
  }
}
