/**
 * How much to fuzz and from which seed: FUZZ_RUNS (the `npm test` smoke uses
 * the default, `npm run test:fuzz` thousands) and FUZZ_SEED to replay a run.
 */
export interface FuzzBudget {
  runs: number;
  seed: number;
}

export function fuzzBudget(defaultRuns: number): FuzzBudget {
  const runs = Number(process.env.FUZZ_RUNS ?? defaultRuns);
  const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS must be a positive integer, not ${process.env.FUZZ_RUNS}`);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${process.env.FUZZ_SEED}`);
  return { runs, seed };
}

/** Counts by key, printed as one line per key. */
export class Tally {
  private readonly counts = new Map<string, number>();

  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** How many different keys were counted. */
  get size(): number {
    return this.counts.size;
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  toString(): string {
    return [...this.counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `${key}: ${count}`)
      .join(', ');
  }
}
