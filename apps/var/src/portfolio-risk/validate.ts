import { alignPrices, PriceWindow } from './align';
import { historicalScenarioCount, MIN_HISTORICAL_SCENARIOS } from './historical';
import { PortfolioRiskParams } from './types';

export const MAX_POSITIONS = 200;
export const HORIZON_MIN = 1;
export const HORIZON_MAX = 250;
export const LOOKBACK_MIN = 20;
export const LOOKBACK_MAX = 5000;
export const SAMPLES_MIN = 100;
export const SAMPLES_MAX = 2_000_000;
export const MAX_CONFIDENCE_LEVELS = 5;
const METHODS = ['monte-carlo', 'historical', 'parametric'];

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function inRange(value: unknown, min: number, max: number): boolean {
  return isInt(value) && value >= min && value <= max;
}

/**
 * Parameter problems as clear messages (all at once), plus the aligned price
 * window when the parameters allow building one. The window needs valid
 * positions and lookbackDays, so its problems are only reported once those are fixed.
 */
export function checkPortfolioRiskParams(params: PortfolioRiskParams): { errors: string[]; window: PriceWindow | null } {
  const errors: string[] = [];
  const { method, horizonDays, lookbackDays, samples, seed, priceField, confidenceLevels } = params;
  if (!METHODS.includes(method)) errors.push(`method must be monte-carlo, historical or parametric, got ${JSON.stringify(method)}`);
  if (!inRange(horizonDays, HORIZON_MIN, HORIZON_MAX)) errors.push(`horizonDays must be an integer from ${HORIZON_MIN} to ${HORIZON_MAX}, got ${horizonDays}`);
  const lookbackValid = inRange(lookbackDays, LOOKBACK_MIN, LOOKBACK_MAX);
  if (!lookbackValid) errors.push(`lookbackDays must be an integer from ${LOOKBACK_MIN} to ${LOOKBACK_MAX}, got ${lookbackDays}`);
  if (method === 'monte-carlo' && !inRange(samples, SAMPLES_MIN, SAMPLES_MAX)) {
    errors.push(`samples must be an integer from ${SAMPLES_MIN} to ${SAMPLES_MAX}, got ${samples}`);
  }
  if (seed !== undefined && !inRange(seed, 0, 0xffffffff)) errors.push(`seed must be an integer from 0 to 4294967295, got ${seed}`);
  const fieldValid = priceField === undefined || priceField === 'adjClose' || priceField === 'close';
  if (!fieldValid) errors.push(`priceField must be adjClose or close, got ${JSON.stringify(priceField)}`);

  if (!Array.isArray(confidenceLevels) || confidenceLevels.length < 1 || confidenceLevels.length > MAX_CONFIDENCE_LEVELS) {
    const got = Array.isArray(confidenceLevels) ? `${confidenceLevels.length}` : JSON.stringify(confidenceLevels);
    errors.push(`confidenceLevels must hold 1 to ${MAX_CONFIDENCE_LEVELS} values, got ${got}`);
  } else {
    for (const c of confidenceLevels) {
      if (!(typeof c === 'number' && c > 0 && c < 1)) errors.push(`confidence level ${typeof c === 'number' ? c : JSON.stringify(c)} must be a number strictly between 0 and 1 (e.g. 0.95)`);
    }
  }

  if (method === 'historical' && lookbackValid && inRange(horizonDays, HORIZON_MIN, HORIZON_MAX)) {
    const scenarios = historicalScenarioCount(lookbackDays, horizonDays);
    if (scenarios < MIN_HISTORICAL_SCENARIOS) {
      errors.push(
        `horizonDays ${horizonDays} leaves ${Math.max(0, scenarios)} historical scenarios in lookbackDays ${lookbackDays}; ` +
          `the historical method needs at least ${MIN_HISTORICAL_SCENARIOS} (horizonDays at most ${lookbackDays - MIN_HISTORICAL_SCENARIOS + 1}, ` +
          `or lookbackDays at least ${horizonDays + MIN_HISTORICAL_SCENARIOS - 1})`,
      );
    }
  }

  const positions = params.positions;
  let positionsValid = false;
  if (!Array.isArray(positions) || positions.length === 0) {
    errors.push('positions is empty: the portfolio needs at least one position');
  } else if (positions.length > MAX_POSITIONS) {
    errors.push(`at most ${MAX_POSITIONS} positions are supported, got ${positions.length}`);
  } else {
    const before = errors.length;
    const first = new Map<string, number>();
    positions.forEach((position, i) => {
      const ticker = position?.ticker;
      if (typeof ticker !== 'string' || ticker.trim() === '') {
        errors.push(`position ${i + 1}: ticker must be a non-empty string`);
        return;
      }
      const key = ticker.trim().toUpperCase();
      const earlier = first.get(key);
      if (earlier !== undefined) errors.push(`duplicate ticker ${ticker.trim()} (positions ${earlier + 1} and ${i + 1}): list each ticker once`);
      else first.set(key, i);
      if (!(typeof position.quantity === 'number' && Number.isFinite(position.quantity) && position.quantity > 0)) {
        errors.push(`${ticker}: quantity must be a positive finite number, got ${position.quantity}`);
      }
      if (!Array.isArray(position.prices) || position.prices.length === 0) errors.push(`${ticker}: prices must be a non-empty list of price rows`);
    });
    positionsValid = errors.length === before;
  }

  if (!positionsValid || !lookbackValid || !fieldValid) return { errors, window: null };
  const aligned = alignPrices(positions, priceField ?? 'adjClose', lookbackDays);
  return { errors: [...errors, ...aligned.errors], window: aligned.window };
}

/** Parameter problems as clear messages; empty when valid. */
export function validatePortfolioRiskParams(params: PortfolioRiskParams): string[] {
  return checkPortfolioRiskParams(params).errors;
}
