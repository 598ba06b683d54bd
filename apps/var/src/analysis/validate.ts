import { AnalysisParams } from './types';

export const SAMPLES_MIN = 100;
export const SAMPLES_MAX = 10_000_000;
export const SHARDS_MIN = 1;
export const SHARDS_MAX = 16;

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Parameter problems as clear messages; empty when valid (the service maps them to 400). */
export function validateParams(params: AnalysisParams): string[] {
  const errors: string[] = [];
  const rows = params.prices?.length ?? 0;
  if (rows === 0) errors.push('no prices: the price series is empty');
  if (!isInt(params.samples) || params.samples < SAMPLES_MIN || params.samples > SAMPLES_MAX) {
    errors.push(`samples must be an integer from ${SAMPLES_MIN} to ${SAMPLES_MAX}, got ${params.samples}`);
  }
  if (!isInt(params.shards) || params.shards < SHARDS_MIN || params.shards > SHARDS_MAX) {
    errors.push(`shards must be an integer from ${SHARDS_MIN} to ${SHARDS_MAX}, got ${params.shards}`);
  }
  if (params.units !== undefined && !(Number.isFinite(params.units) && params.units > 0)) {
    errors.push(`units must be a positive number, got ${params.units}`);
  }
  const levels = params.confidenceLevels;
  if (levels !== undefined && (levels.length === 0 || levels.some((c) => !(c > 0 && c < 1)))) {
    errors.push('confidence levels must be a non-empty list of numbers strictly between 0 and 1');
  }
  if (params.seed !== undefined && !(isInt(params.seed) && params.seed >= 0 && params.seed <= 0xffffffff)) {
    errors.push(`seed must be an integer from 0 to 4294967295, got ${params.seed}`);
  }
  if (params.priceField !== undefined && params.priceField !== 'adjClose' && params.priceField !== 'close') {
    errors.push(`priceField must be adjClose or close, got ${params.priceField}`);
  }
  const window = (name: string, value: number) => {
    if (!isInt(value) || value < 3) errors.push(`${name} must be an integer of at least 3, got ${value}`);
    else if (rows > 0 && value > rows) errors.push(`${name} (${value}) is longer than the price history (${rows} rows)`);
  };
  const strategy = params.strategy;
  if (strategy?.kind === 'sma-crossover') {
    window('moving-average period A', strategy.period);
    window('volatility window V', strategy.volatilityWindow);
  } else if (strategy?.kind === 'three-soldiers-crows') {
    window('history H', strategy.history);
    if (!isInt(strategy.holdDays) || strategy.holdDays < 1) errors.push(`days held P must be an integer of at least 1, got ${strategy.holdDays}`);
    else if (rows > 0 && strategy.holdDays >= rows) errors.push(`days held P (${strategy.holdDays}) is longer than the price history (${rows} rows)`);
    if (strategy.body !== undefined && !(Number.isFinite(strategy.body) && strategy.body >= 0)) {
      errors.push(`body must be a non-negative number, got ${strategy.body}`);
    }
  } else {
    errors.push('strategy must be sma-crossover or three-soldiers-crows');
  }
  return errors;
}
