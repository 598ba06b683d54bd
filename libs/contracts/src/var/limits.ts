/** Bounds of the risk requests, shared by the HTTP DTOs, the messages and the compute core. */
export const VAR_LIMITS = {
  samplesMin: 100,
  samplesMax: 10_000_000,
  /** Portfolio Monte-Carlo draws a vector per sample: fewer samples, same memory budget. */
  portfolioSamplesMax: 2_000_000,
  shardsMax: 16,
  confidenceLevelsMax: 5,
  horizonDaysMax: 250,
  lookbackDaysMin: 20,
  lookbackDaysMax: 5000,
  /** An uploaded price CSV: 30 years of daily rows take about 0.5 MB, and the file crosses one TCP frame. */
  priceCsvBytesMax: 1_500_000,
  runsPageMax: 100,
  /** Tickers of one last-closes read: a wallet's (at most 1,000 holdings). */
  lastClosesTickersMax: 1000,
} as const;

export const DEFAULT_CONFIDENCE = [0.95, 0.99];
