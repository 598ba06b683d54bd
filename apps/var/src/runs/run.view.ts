import { ErrorCode, PortfolioVarResult, RunView, StrategyAnalysisResult, utcTimestamp } from '@finstack/contracts';
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
  if (row.result !== null) view.result = JSON.parse(row.result) as StrategyAnalysisResult | PortfolioVarResult;
  return view;
}
