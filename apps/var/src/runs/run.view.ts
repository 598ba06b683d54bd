import { ErrorCode, PortfolioVarResult, RunView, StrategyAnalysisResult, utcTimestamp } from '@finstack/contracts';
import { backtest } from '../analysis/backtest';
import { RunRow } from './run-rows';

const timestamp = (value: Date | null): string | null => (value === null ? null : utcTimestamp(value));

export function toRunView(row: RunRow): RunView {
  const view: RunView = {
    id: row.id,
    kind: row.kind,
    status: row.status,
    ticker: row.ticker,
    params: row.params,
    progress: row.progressPermille / 1000,
    createdAt: utcTimestamp(row.createdAt),
    startedAt: timestamp(row.startedAt),
    finishedAt: timestamp(row.finishedAt),
    durationMs: row.durationMs,
    error: row.errorCode === null ? null : { code: row.errorCode as ErrorCode, message: row.errorMessage ?? row.errorCode },
  };
  if (row.result !== null) view.result = withLaterFields(JSON.parse(row.result) as StrategyAnalysisResult | PortfolioVarResult);
  return view;
}

/** Results stored before the backtest and the histogram existed: the backtest is cheap to derive, the histogram is not (its scenarios are gone). */
function withLaterFields(result: StrategyAnalysisResult | PortfolioVarResult): StrategyAnalysisResult | PortfolioVarResult {
  if (typeof result !== 'object' || result === null) return result;
  if ('trades' in result && Array.isArray(result.trades) && Array.isArray(result.summary?.averageVar)) {
    result.backtest ??= backtest(result.trades, result.summary.averageVar.map((level) => level.confidence));
  } else if ('levels' in result) {
    result.histogram ??= null;
  }
  return result;
}
