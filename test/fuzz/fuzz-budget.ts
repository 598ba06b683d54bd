/**
 * How much to fuzz and from which seed: FUZZ_RUNS (the `npm test` smoke uses
 * the default, `npm run test:fuzz` thousands) and FUZZ_SEED: a number replays a
 * run, `random` draws a new one (`npm run test:fuzz` does); unset, the seed is
 * fixed so `npm test` sends the same requests every time.
 */
const DEFAULT_SEED = 20_251_122;

export interface FuzzBudget {
  runs: number;
  seed: number;
}

export function fuzzBudget(defaultRuns: number): FuzzBudget {
  const runs = Number(process.env.FUZZ_RUNS ?? defaultRuns);
  const given = process.env.FUZZ_SEED ?? String(DEFAULT_SEED);
  const seed = given === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(given);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS must be a positive integer, not ${process.env.FUZZ_RUNS}`);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer or random, not ${process.env.FUZZ_SEED}`);
  return { runs, seed };
}

/** Counts by key, printed as "key: count, ...". */
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
