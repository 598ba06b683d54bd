/** One verdict: the right category and what the classifier said (null: it declined). */
export interface Verdict {
  expected: string;
  predicted: string | null;
}

/** Share of all lines given the right category; a declined line counts as wrong. */
export function accuracy(verdicts: readonly Verdict[]): number {
  return verdicts.filter((v) => v.predicted === v.expected).length / verdicts.length;
}

/** Unweighted mean over categories of F1 = 2PR / (P + R); a declined line lowers recall only. */
export function macroF1(verdicts: readonly Verdict[]): number {
  const categories = [...new Set(verdicts.map((v) => v.expected))];
  const f1s = categories.map((category) => {
    const truePositives = verdicts.filter((v) => v.predicted === category && v.expected === category).length;
    const predicted = verdicts.filter((v) => v.predicted === category).length;
    const actual = verdicts.filter((v) => v.expected === category).length;
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = actual === 0 ? 0 : truePositives / actual;
    return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  });
  return f1s.reduce((sum, f1) => sum + f1, 0) / f1s.length;
}
