import { AnalysisBody, DomainError, ErrorCode, RunReply } from '@finstack/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AnalysisParams, completeAnalysis, InvalidParamsError, prepareAnalysis, PreparedAnalysis } from '../analysis';
import { withStoreErrors } from '../market-data/market-data-errors';
import { PriceHistoryStore } from '../market-data/price-history.store';
import { RunExecutor, RunPlan } from '../runs/run-executor';
import { AnalysisPool } from './analysis-pool';
import { analysisParams, analysisRequest, AnalysisRequest } from './analysis-request';

/**
 * Monte-Carlo VaR of a trading strategy on a stored price history. The
 * request is checked and its signals found first (cheap), so that a bad one
 * changes nothing and the simulation's size is known before it starts.
 */
@Injectable()
export class StrategyService implements OnModuleInit {
  constructor(
    private readonly store: PriceHistoryStore,
    private readonly executor: RunExecutor,
    private readonly pool: AnalysisPool,
  ) {}

  onModuleInit(): void {
    // A job runs from the request it stored, in whichever replica takes it.
    this.executor.plansJobsOf('strategy', (_userId, params) => this.plan(params as unknown as AnalysisRequest));
  }

  async run(userId: string, body: AnalysisBody): Promise<RunReply> {
    return this.executor.submit(userId, await this.plan(analysisRequest(body)));
  }

  private async plan(request: AnalysisRequest): Promise<RunPlan> {
    const prices = await withStoreErrors(() => this.store.history(request.ticker, { from: request.from, to: request.to }));
    const prepared = prepare(analysisParams(request, prices));
    return {
      kind: 'strategy',
      ticker: request.ticker,
      params: { ...request },
      draws: prepared.signals.length * request.samples,
      // The replica's shared workers: a run's shards queue for them with every other run's.
      execute: (onProgress) => completeAnalysis(prepared, { pool: this.pool.shards, onProgress }),
    };
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
