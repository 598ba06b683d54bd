export type { PortfolioRiskMethod, PortfolioRiskParams, PortfolioRiskResult, PortfolioRiskLevel, PositionContribution, PositionInput } from './types';
export { portfolioRisk, PortfolioRiskInputError } from './portfolio-risk';
export { validatePortfolioRiskParams, MAX_POSITIONS, HORIZON_MAX, LOOKBACK_MAX, LOOKBACK_MIN, SAMPLES_MAX, SAMPLES_MIN } from './validate';
