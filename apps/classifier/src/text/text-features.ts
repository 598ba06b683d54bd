/**
 * What the text model reads in a normalised statement line: each word, and
 * the character 3- to 5-grams of each word with its boundaries marked. The
 * n-grams let "sainsburys", "sainsbury" and a line cut off at "sainsbu" share
 * most of their evidence.
 *
 * Weights (tuned with the benchmark): a statement line names the payee in
 * its first two words and adds towns, branches and cut-off fragments after
 * them, so later words weigh less. A word's n-grams share a fixed weight
 * between them, so that a long word does not outweigh a short one, and the
 * model's posteriors stay honest enough to be thresholded.
 */
const SHORTEST_GRAM = 3;
const LONGEST_GRAM = 5;
const POSITION_WEIGHTS: readonly number[] = [1, 0.8, 0.3];
/** The n-grams of a word together weigh this many times the word itself. */
const GRAM_SHARE = 2;

export interface WeightedFeatures {
  names: string[];
  weights: number[];
  /** The words read, in order... */
  words: string[];
  /** ...and where each word's features end in `names`, so that a verdict can be explained word by word. */
  wordEnds: number[];
}

export function textFeatures(normalised: string): WeightedFeatures {
  const features: WeightedFeatures = { names: [], weights: [], words: [], wordEnds: [] };
  for (const word of normalised.split(' ')) {
    if (word.length === 0) continue;
    const position = Math.min(features.words.length, POSITION_WEIGHTS.length - 1);
    addWordFeatures(word, POSITION_WEIGHTS[position], features);
    features.words.push(word);
    features.wordEnds.push(features.names.length);
  }
  return features;
}

function addWordFeatures(word: string, weight: number, into: WeightedFeatures): void {
  into.names.push(`=${word}`);
  into.weights.push(weight);
  const padded = `<${word}>`;
  const grams = gramCount(padded.length);
  if (grams === 0) return;
  const gramWeight = (weight * GRAM_SHARE) / grams;
  for (let size = SHORTEST_GRAM; size <= LONGEST_GRAM; size += 1) {
    for (let start = 0; start + size <= padded.length; start += 1) {
      into.names.push(padded.slice(start, start + size));
      into.weights.push(gramWeight);
    }
  }
}

function gramCount(length: number): number {
  let count = 0;
  for (let size = SHORTEST_GRAM; size <= LONGEST_GRAM; size += 1) count += Math.max(0, length - size + 1);
  return count;
}
