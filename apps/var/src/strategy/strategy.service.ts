import { AnalysisBody, DomainError, ErrorCode, RunReply } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { AnalysisParams, completeAnalysis, InvalidParamsError, prepareAnalysis, PreparedAnalysis, ShardPool } from '../analysis';
import { withStoreErrors } from '../market-data/market-data-errors';
import { PriceHistoryStore } from '../market-data/price-history.store';
import { RunExecutor } from '../runs/run-executor';
import { blockCount } from '../analysis/shard';
import { analysisParams, analysisRequest } from './analysis-request';

/**
 * Monte-Carlo VaR of a trading strategy on a stored price history. The
 * request is checked and its signals found first (cheap), so that a bad one
 * changes nothing and the simulation's size is known before it starts.
 */
@Injectable()
export class StrategyService {
  constructor(
    private readonly store: PriceHistoryStore,
    private readonly executor: RunExecutor,
  ) {}

  async run(userId: string, body: AnalysisBody): Promise<RunReply> {
    const request = analysisRequest(body);
    const prices = await withStoreErrors(() => this.store.history(request.ticker, { from: request.from, to: request.to }));
    const prepared = prepare(analysisParams(request, prices));
    return this.executor.submit(userId, {
      kind: 'strategy',
      ticker: request.ticker,
      params: { ...request },
      draws: prepared.signals.length * request.samples,
      execute: (onProgress) => simulate(prepared, onProgress),
    });
  }
}

function prepare(params: AnalysisParams): PreparedAnalysis {
  try {
    return prepareAnalysis(params);
  } catch (error) {
    if (error instanceof InvalidParamsError) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, error.message, { errors: error.errors });
    }
    throw error;
  }
}

/** Shards run in worker threads, one per shard (never more than blocks of draws), created for this run and closed after it. */
async function simulate(prepared: PreparedAnalysis, onProgress: (fraction: number) => void) {
  const pool = new ShardPool(Math.min(prepared.params.shards, blockCount(prepared.params.samples)));
  try {
    return await completeAnalysis(prepared, { pool, onProgress });
  } finally {
    await pool.close();
  }
}
