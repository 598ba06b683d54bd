import {
  DEFAULT_CONFIDENCE,
  DomainError,
  ErrorCode,
  HealthContract,
  PORTFOLIO,
  PORTFOLIO_VAR_DEFAULTS,
  PortfolioContract,
  PortfolioVarBody,
  RunReply,
} from '@finstack/contracts';
import { InjectRpcClient, RpcClient } from '@finstack/rpc';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { PriceRow } from '../analysis';
import { UnknownTickerError } from '../market-data/errors';
import { PriceHistoryStore } from '../market-data/price-history.store';
import { PortfolioRiskParams, PositionInput, validatePortfolioRiskParams } from '../portfolio-risk';
import { RunExecutor, RunPlan } from '../runs/run-executor';
import { computeOffThread } from './portfolio-risk-thread';

export const PORTFOLIO_SERVICE = 'portfolio';

/**
 * Monte-Carlo work grows with samples × holdings² (each draw multiplies by the
 * Cholesky factor): two million draws of 30 holdings, about a minute here.
 */
const MAX_MONTE_CARLO_WORK = 2_000_000 * 30 * 30;

/**
 * VaR and ES of the caller's own holdings. The holdings come from the
 * portfolio service over TCP; their price histories from the object store.
 * Everything is checked before a run is stored, so a refused request changes nothing.
 */
/** A portfolio request with its defaults filled in. */
type PortfolioVarRequest = Required<Omit<PortfolioVarBody, 'seed'>> & Pick<PortfolioVarBody, 'seed'>;

/** What a portfolio run stores as its parameters: the request and the holdings it was asked on. */
interface PortfolioVarJob extends PortfolioVarRequest {
  holdings: Array<{ ticker: string; quantity: string }>;
}

@Injectable()
export class PortfolioVarService implements OnModuleInit {
  constructor(
    @InjectRpcClient(PORTFOLIO_SERVICE) private readonly portfolio: RpcClient<PortfolioContract & HealthContract>,
    private readonly store: PriceHistoryStore,
    private readonly executor: RunExecutor,
  ) {}

  onModuleInit(): void {
    // A job runs on the holdings it was accepted with, in whichever replica takes it.
    this.executor.plansJobsOf('portfolio', (_userId, params) => {
      const { holdings, ...request } = params as unknown as PortfolioVarJob;
      return this.plan(request, holdings);
    });
  }

  async run(userId: string, requestId: string | undefined, body: PortfolioVarBody): Promise<RunReply> {
    const request: PortfolioVarRequest = {
      method: body.method ?? PORTFOLIO_VAR_DEFAULTS.method,
      horizonDays: body.horizonDays ?? PORTFOLIO_VAR_DEFAULTS.horizonDays,
      confidence: body.confidence ?? DEFAULT_CONFIDENCE,
      lookbackDays: body.lookbackDays ?? PORTFOLIO_VAR_DEFAULTS.lookbackDays,
      samples: body.samples ?? PORTFOLIO_VAR_DEFAULTS.samples,
      seed: body.seed,
      priceField: body.priceField ?? 'adjClose',
    };
    const { items: holdings } = await this.portfolio.send(PORTFOLIO.listHoldings, { userId, requestId });
    return this.executor.submit(userId, await this.plan(request, holdings.map(({ ticker, quantity }) => ({ ticker, quantity }))));
  }

  private async plan(request: PortfolioVarRequest, holdings: PortfolioVarJob['holdings']): Promise<RunPlan> {
    const params: PortfolioRiskParams = {
      positions: await this.positions(holdings),
      method: request.method,
      horizonDays: request.horizonDays,
      confidenceLevels: request.confidence,
      lookbackDays: request.lookbackDays,
      samples: request.samples,
      seed: request.seed,
      priceField: request.priceField,
    };
    const positions = params.positions.length;
    const work = request.method === 'monte-carlo' ? request.samples * positions * positions : request.lookbackDays * positions;
    const errors = validatePortfolioRiskParams(params);
    if (work > MAX_MONTE_CARLO_WORK) {
      errors.push(`${request.samples} samples of ${positions} holdings is too much work for one run; use at most ${Math.floor(MAX_MONTE_CARLO_WORK / positions / positions)} samples`);
    }
    if (errors.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, errors.join('; '), { errors });
    return {
      kind: 'portfolio',
      ticker: null,
      params: { ...request, holdings },
      draws: work,
      execute: () => computeOffThread(params),
    };
  }

  private async positions(holdings: PortfolioVarJob['holdings']): Promise<PositionInput[]> {
    if (!holdings.length) {
      throw new DomainError(ErrorCode.PORTFOLIO_NOT_ANALYSABLE, 'your wallet holds no stocks; add holdings first');
    }
    const histories = await Promise.all(holdings.map((holding) => this.historyOrNull(holding.ticker)));
    const missing = holdings.filter((_, i) => histories[i] === null).map((holding) => holding.ticker);
    if (missing.length) {
      throw new DomainError(
        ErrorCode.PORTFOLIO_NOT_ANALYSABLE,
        `no price history for ${missing.join(', ')}; an operator must upload it (GET /api/v1/market/tickers lists the stored ones)`,
        { missing },
      );
    }
    return holdings.map((holding, i) => ({ ticker: holding.ticker, quantity: Number(holding.quantity), prices: histories[i]! }));
  }

  private async historyOrNull(ticker: string): Promise<PriceRow[] | null> {
    try {
      return await this.store.history(ticker);
    } catch (error) {
      if (error instanceof UnknownTickerError) return null;
      throw error;
    }
  }
}
