import { tailRank } from '../analysis/montecarlo';
import { selectInPlace } from '../analysis/select';
import { pnlHistogram } from './histogram';
import { RiskFigures } from './types';

/**
 * VaR, ES and their Euler contributions from simulated scenarios (Monte-Carlo
 * draws or historical windows). Scenarios are never stored per position, so
 * memory stays O(S + positions): pass 1 keeps the portfolio losses (in
 * sequence order, and a copy that selection reorders) and finds the ranks
 * needed; pass 2 replays the identical sequence, skipping cheaply the
 * scenarios below every cut, and adds each position's loss into the sets found in pass 1.
 */
export interface ScenarioSource {
  /** S: scenarios in the sequence */
  readonly count: number;
  /** Restarts the sequence; next() then yields the same scenarios, bit for bit. */
  reset(): void;
  /** Advances past the next scenario without evaluating it. */
  skip(): void;
  /** Writes each position's loss in the next scenario to `losses` and returns the portfolio loss. */
  next(losses: Float64Array): number;
}

/**
 * VaR contributions are the mean position losses over the scenarios whose
 * portfolio loss ranks within ±max(1, 0.25 % of S) of the VaR rank (a single
 * scenario would be far too noisy), rescaled so they add up to VaR exactly.
 * ES contributions need no window: the tail mean is additive over positions.
 */
export const VAR_WINDOW_FRACTION = 0.0025;

/**
 * Ascending rank (1-based) of the c quantile of S losses: ceil(c·S). The
 * analysis core's rule for the upper tail (a SELL's loss side) counts the
 * same rank from the top, with the same tolerance for binary noise in c·S.
 */
export function quantileRank(confidence: number, count: number): number {
  return count - tailRank('SELL', confidence, count) + 1;
}

/**
 * The scenarios of ascending rank >= rank, identified by the loss `value` at
 * that rank: all losses above it, plus the first `ties` (in sequence order)
 * equal to it, so the set has exactly S − rank + 1 members even with ties.
 */
interface Cut {
  rank: number;
  value: number;
  ties: number;
  /** sum of the S − rank + 1 largest losses */
  topSum: number;
}

export function simulatedRisk(source: ScenarioSource, positions: number, confidenceLevels: number[]): RiskFigures {
  const count = source.count;
  const sequence = new Float64Array(count);
  const buffer = new Float64Array(positions);
  source.reset();
  for (let s = 0; s < count; s++) sequence[s] = source.next(buffer);
  const histogram = pnlHistogram(sequence);
  const losses = sequence.slice();

  const width = Math.max(1, Math.floor(VAR_WINDOW_FRACTION * count));
  const plans = confidenceLevels.map((c) => {
    const rank = quantileRank(c, count);
    return { rank, low: Math.max(1, rank - width), high: Math.min(count, rank + width) };
  });
  // A window [low, high] is the set "rank >= low" minus the set "rank >= high + 1".
  const ranks = [...new Set(plans.flatMap((p) => [p.rank, p.low, p.high + 1]).filter((r) => r <= count))].sort((a, b) => a - b);
  const cuts: Cut[] = [];
  let from = 0;
  for (const rank of ranks) {
    // Ascending ranks: each selection only needs the part at or above the previous one.
    const value = selectInPlace(losses, rank - 1, from, count - 1);
    from = rank - 1;
    cuts.push({ rank, value, ties: 0, topSum: 0 });
  }
  for (const cut of cuts) {
    // losses[rank − 1 ..] now hold exactly the S − rank + 1 largest losses (in some order)
    let above = 0;
    let sum = 0;
    for (let j = cut.rank - 1; j < count; j++) {
      sum += losses[j];
      if (losses[j] > cut.value) above++;
    }
    cut.topSum = sum;
    cut.ties = count - cut.rank + 1 - above;
  }
  const cutOf = (rank: number) => ranks.indexOf(rank);
  const levels = plans.map((p) => ({ tail: cutOf(p.rank), low: cutOf(p.low), high: cutOf(p.high + 1) }));

  const tailSums = plans.map(() => new Float64Array(positions));
  const windowSums = plans.map(() => new Float64Array(positions));
  const tailSeen = new Int32Array(plans.length);
  const taken = new Int32Array(cuts.length);
  const member = new Uint8Array(cuts.length);
  const lowest = cuts[0].value;
  source.reset();
  for (let s = 0; s < count; s++) {
    const loss = sequence[s];
    if (loss < lowest) {
      source.skip();
      continue;
    }
    // A replay that differs from pass 1 would silently corrupt the attribution.
    if (source.next(buffer) !== loss) throw new Error(`scenario replay diverged at scenario ${s}`);
    for (let c = 0; c < cuts.length; c++) {
      const cut = cuts[c];
      member[c] = loss > cut.value || (loss === cut.value && taken[c]++ < cut.ties) ? 1 : 0;
    }
    for (let l = 0; l < levels.length; l++) {
      const { tail, low, high } = levels[l];
      if (member[tail]) {
        add(tailSums[l], buffer);
        tailSeen[l]++;
      }
      if (member[low] && !(high >= 0 && member[high])) add(windowSums[l], buffer);
    }
  }

  const figures: RiskFigures = { var: [], es: [], varContributions: [], esContributions: [], histogram };
  plans.forEach((plan, l) => {
    const tailCount = count - plan.rank + 1;
    if (tailSeen[l] !== tailCount) throw new Error(`tail holds ${tailSeen[l]} scenarios, expected ${tailCount}`);
    const tail = cuts[levels[l].tail];
    const valueAtRisk = tail.value;
    figures.var.push(valueAtRisk);
    figures.es.push(tail.topSum / tailCount);
    figures.esContributions.push(tailSums[l].map((sum) => sum / tailCount));
    const windowTotal = windowSums[l].reduce((a, b) => a + b, 0);
    // windowTotal / (window size) ≈ VaR; the ratio maps the window means onto VaR exactly
    figures.varContributions.push(windowTotal !== 0 ? windowSums[l].map((sum) => (sum / windowTotal) * valueAtRisk) : new Float64Array(positions).fill(valueAtRisk / positions));
  });
  return figures;
}

function add(into: Float64Array, values: Float64Array): void {
  for (let i = 0; i < into.length; i++) into[i] += values[i];
}
