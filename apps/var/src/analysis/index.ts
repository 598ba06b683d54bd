export * from './types';
export { analyse, completeAnalysis, prepareAnalysis, InvalidParamsError, DEFAULT_CONFIDENCE_LEVELS, DEFAULT_UNITS } from './analyse';
export type { AnalyseOptions, PreparedAnalysis } from './analyse';
export { validateParams } from './validate';
export { parsePriceCsv, priceSeries } from './prices';
export { ShardPool } from './shard-pool';
export { inverseNormalCdf } from './inverse-normal';
