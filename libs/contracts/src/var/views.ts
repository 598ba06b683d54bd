import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ErrorCode } from '../errors';
import {
  ApiBoolean,
  ApiDay,
  ApiEnum,
  ApiId,
  ApiInteger,
  ApiList,
  ApiMoney,
  ApiNested,
  ApiNextCursor,
  ApiNullableDay,
  ApiNullableInteger,
  ApiNullableNumber,
  ApiNullableText,
  ApiNullableTimestamp,
  ApiNumber,
  ApiText,
  ApiTimestamp,
} from '../openapi';
import { PORTFOLIO_VAR_METHODS, PortfolioVarMethod } from './portfolio-var.dto';

/*
 * Risk figures are plain numbers: money rounded to cents, returns as
 * fractions. They are estimates for reading and charts, not ledger money.
 */

export const TRADE_SIGNALS = ['BUY', 'SELL'] as const;
export type TradeSignal = (typeof TRADE_SIGNALS)[number];

export class PriceRowView {
  @ApiDay()
  date!: string;
  @ApiNumber()
  open!: number;
  @ApiNumber()
  high!: number;
  @ApiNumber()
  low!: number;
  @ApiNumber()
  close!: number;
  @ApiNumber()
  adjClose!: number;
}

export class StoredPricesView {
  @ApiText({ example: 'AAPL' })
  ticker!: string;
  @ApiInteger()
  rows!: number;
  @ApiDay()
  from!: string;
  @ApiDay()
  to!: string;
}

/** The tickers with a stored price history; operators add them one by one, so one page. */
export class TickersView {
  @ApiText({ isArray: true, example: ['AAPL', 'AMZN'] })
  items!: string[];
  @ApiNextCursor()
  nextCursor!: string | null;
}

export class PriceHistoryView {
  @ApiText({ example: 'AAPL' })
  ticker!: string;
  @ApiNullableDay({ description: 'first day returned; null when the range holds no trading day' })
  from!: string | null;
  @ApiNullableDay()
  to!: string | null;
  @ApiInteger()
  rows!: number;
  @ApiList(PriceRowView)
  prices!: PriceRowView[];
}

export class RiskAtLevelView {
  @ApiNumber({ example: 0.95 })
  confidence!: number;
  @ApiNumber({ description: 'quantile of the simulated returns (signed)' })
  varReturn!: number;
  @ApiNumber({ description: 'units × open price × |varReturn|' })
  varMoney!: number;
  @ApiNumber({ description: 'mean of the simulated returns beyond the quantile (signed)' })
  esReturn!: number;
  @ApiNumber()
  esMoney!: number;
}

export class TradeView {
  @ApiEnum(TRADE_SIGNALS, 'TradeSignal')
  signal!: TradeSignal;
  @ApiDay()
  openDate!: string;
  @ApiDay()
  closeDate!: string;
  @ApiNumber()
  openPrice!: number;
  @ApiNumber()
  closePrice!: number;
  @ApiNumber()
  pnl!: number;
  @ApiNumber()
  cumulativePnl!: number;
  @ApiNumber()
  mu!: number;
  @ApiNumber()
  sigma!: number;
  @ApiList(RiskAtLevelView)
  risk!: RiskAtLevelView[];
}

export class ChartPointView {
  @ApiDay()
  date!: string;
  @ApiNumber()
  price!: number;
  @ApiNullableNumber()
  sma!: number | null;
  @ApiEnum(TRADE_SIGNALS, 'TradeSignal', { nullable: true })
  signal!: TradeSignal | null;
}

export class AverageVarView {
  @ApiNumber()
  confidence!: number;
  @ApiNumber()
  varReturn!: number;
  @ApiNumber()
  varMoney!: number;
}

export class StrategySummaryView {
  @ApiInteger()
  totalTrades!: number;
  @ApiNumber()
  averagePnl!: number;
  @ApiNumber()
  totalPnl!: number;
  @ApiList(AverageVarView)
  averageVar!: AverageVarView[];
}

/** How often the trades lost more than their VaR at one level, and whether that is plausible (Kupiec's test). */
export class VarBacktestView {
  @ApiNumber({ example: 0.95 })
  confidence!: number;
  @ApiInteger({ description: 'trades tested' })
  trades!: number;
  @ApiInteger({ description: 'trades whose loss exceeds that trade\'s VaR (pnl < −varMoney)' })
  breaches!: number;
  @ApiNumber({ description: 'trades × (1 − confidence)' })
  expectedBreaches!: number;
  @ApiNullableNumber({ description: "Kupiec's proportion-of-failures likelihood ratio (χ², 1 degree of freedom); null without trades" })
  kupiecLr!: number | null;
  @ApiNullableNumber({ description: 'P(χ²₁ ≥ kupiecLr): below 0.05, the breach rate is unlikely under the stated confidence; null without trades' })
  kupiecPValue!: number | null;
}

export class StrategyRunMetadata {
  @ApiInteger()
  samples!: number;
  @ApiInteger()
  shards!: number;
  @ApiInteger()
  seed!: number;
  @ApiBoolean()
  seeded!: boolean;
  @ApiInteger()
  signals!: number;
  @ApiNumber({ description: 'milliseconds, fractional' })
  durationMs!: number;
}

export class StrategyAnalysisResult {
  @ApiList(TradeView)
  trades!: TradeView[];
  @ApiNested(StrategySummaryView)
  summary!: StrategySummaryView;
  @ApiList(ChartPointView)
  series!: ChartPointView[];
  @ApiList(VarBacktestView, { description: 'one per confidence level, in the order asked' })
  backtest!: VarBacktestView[];
  @ApiNested(StrategyRunMetadata)
  metadata!: StrategyRunMetadata;
}

export class PortfolioRiskLevelView {
  @ApiNumber()
  confidence!: number;
  @ApiNumber()
  var!: number;
  @ApiNumber()
  es!: number;
  @ApiNumber()
  varPct!: number;
  @ApiNumber()
  esPct!: number;
}

export class ContributionLevelView {
  @ApiNumber()
  confidence!: number;
  @ApiNumber()
  var!: number;
  @ApiNumber()
  es!: number;
}

export class PortfolioContributionView {
  @ApiText()
  ticker!: string;
  @ApiNumber()
  quantity!: number;
  @ApiNumber()
  price!: number;
  @ApiNumber()
  value!: number;
  @ApiNumber()
  weight!: number;
  @ApiList(ContributionLevelView)
  levels!: ContributionLevelView[];
}

export class PortfolioRunMetadata {
  @ApiNullableInteger()
  samples!: number | null;
  @ApiNullableInteger()
  scenarios!: number | null;
  @ApiNullableInteger()
  seed!: number | null;
  @ApiBoolean()
  seeded!: boolean;
  @ApiNumber({ description: 'milliseconds, fractional' })
  durationMs!: number;
}

export class PnlBinView {
  @ApiNumber({ description: 'lower edge, money (cents)' })
  from!: number;
  @ApiNumber({ description: 'upper edge; the last bin includes it' })
  to!: number;
  @ApiInteger()
  count!: number;
}

/** The simulated (monte-carlo) or historical P&L over the horizon, in 50 to 100 equal bins from the worst scenario to the best. */
export class PnlHistogramView {
  @ApiInteger({ description: 'scenarios binned: every one falls in a bin' })
  scenarios!: number;
  @ApiNumber({ description: 'money per bin, unrounded' })
  binWidth!: number;
  @ApiList(PnlBinView)
  bins!: PnlBinView[];
}

export class PortfolioVarResult {
  @ApiEnum(PORTFOLIO_VAR_METHODS, 'PortfolioVarMethod')
  method!: PortfolioVarMethod;
  @ApiInteger()
  horizonDays!: number;
  @ApiInteger()
  lookbackDays!: number;
  @ApiDay({ description: 'the last trading day every holding has a price for: the values are at its close' })
  asOf!: string;
  @ApiNumber()
  value!: number;
  @ApiInteger()
  observations!: number;
  @ApiList(PortfolioRiskLevelView)
  levels!: PortfolioRiskLevelView[];
  @ApiList(PortfolioContributionView)
  contributions!: PortfolioContributionView[];
  @ApiNested(PnlHistogramView, { nullable: true, description: 'monte-carlo and historical only (P&L = −loss); null for parametric' })
  histogram!: PnlHistogramView | null;
  @ApiNested(PortfolioRunMetadata)
  metadata!: PortfolioRunMetadata;
}

export const RUN_KINDS = ['strategy', 'portfolio'] as const;
export type RunKind = (typeof RUN_KINDS)[number];
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export class RunError {
  @ApiEnum(Object.values(ErrorCode), 'ErrorCode')
  code!: ErrorCode;
  @ApiText()
  message!: string;
}

/** A stored analysis run: who asked what, how it went, and (when it is done) the result. */
@ApiExtraModels(StrategyAnalysisResult, PortfolioVarResult)
export class RunView {
  @ApiId()
  id!: string;
  @ApiEnum(RUN_KINDS, 'RunKind')
  kind!: RunKind;
  @ApiEnum(RUN_STATUSES, 'RunStatus')
  status!: RunStatus;
  @ApiNullableText({ description: 'the analysed ticker (strategy runs); null for a portfolio' })
  ticker!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the request as the service understood it, defaults filled in' })
  params!: Record<string, unknown>;
  @ApiNumber({ minimum: 0, maximum: 1 })
  progress!: number;
  @ApiTimestamp()
  createdAt!: string;
  @ApiNullableTimestamp()
  startedAt!: string | null;
  @ApiNullableTimestamp()
  finishedAt!: string | null;
  @ApiNullableInteger()
  durationMs!: number | null;
  @ApiNested(RunError, { nullable: true })
  error!: RunError | null;
  @ApiPropertyOptional({
    oneOf: [{ $ref: getSchemaPath(StrategyAnalysisResult) }, { $ref: getSchemaPath(PortfolioVarResult) }],
    description: 'present on a single run once it succeeded (not in lists): a strategy or a portfolio result, by `kind`',
  })
  result?: StrategyAnalysisResult | PortfolioVarResult;
}

export class RunPage {
  @ApiList(RunView)
  items!: RunView[];
  @ApiNextCursor()
  nextCursor!: string | null;
}

/** The last close of a ticker's stored price history (no currency: the histories carry none). */
export class LastCloseView {
  @ApiText({ example: 'AAPL' })
  ticker!: string;
  @ApiDay()
  date!: string;
  @ApiMoney({ example: '189.98', description: 'the close of that day, at most 6 decimals' })
  close!: string;
}

/** The last closes of the asked tickers that have a stored history; the others are left out. */
export class LastClosesView {
  @ApiList(LastCloseView)
  items!: LastCloseView[];
}
