import { AddHoldingBody, DomainError, ErrorCode, HoldingsView, HoldingView, TickerHolders, UpdateHoldingBody } from '@finstack/contracts';
import { isUniqueViolation, TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { priceMicro, quantityMicro } from '../common/scaled-text';
import { findLatestQuote } from '../quotes/latest-quote-rows';
import {
  countUserHoldings,
  deleteHolding,
  findHoldingIdByTicker,
  findUserHoldingForUpdate,
  Holding,
  holdingNotFound,
  insertHolding,
  QuotedHolding,
  selectQuotedHoldings,
  selectTickerHolders,
  updateHolding,
} from './holding-rows';
import { HistoryClose, HistoryCloses } from './history-closes';
import { priceHolding, PricedHolding, toHoldingsView, toHoldingView } from './holding-valuation';

/** Keeps the holdings list (which has no pages: its totals cover every holding) a bounded read. */
export const MAX_HOLDINGS_PER_USER = 1000;

@Injectable()
export class HoldingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TransactionRunner,
    private readonly closes: HistoryCloses,
  ) {}

  /** Who holds a ticker, for notifications to push its price moves to them. */
  async holdersOf(ticker: string): Promise<TickerHolders> {
    return { ticker, userIds: await selectTickerHolders(this.dataSource.manager, ticker) };
  }

  async list(userId: string): Promise<HoldingsView> {
    return toHoldingsView(await this.priced(await selectQuotedHoldings(this.dataSource.manager, userId)));
  }

  /**
   * A ticker with neither quotes nor a stored price history is most likely a
   * typo, so it needs allowUnknown. The unique index on (user_id, ticker) is
   * the authority on duplicates, race-free.
   */
  async add(userId: string, body: AddHoldingBody): Promise<HoldingView> {
    const quote = await findLatestQuote(this.dataSource.manager, body.ticker);
    const closes = quote ? new Map<string, HistoryClose>() : await this.closes.of([body.ticker]);
    if (!quote && !closes.has(body.ticker) && !body.allowUnknown) {
      throw new DomainError(
        ErrorCode.UNKNOWN_TICKER,
        `there are no quotes or price history for ${body.ticker}: check the symbol, or send allowUnknown: true to add it before its first quote`,
        { ticker: body.ticker },
      );
    }
    if ((await countUserHoldings(this.dataSource.manager, userId)) >= MAX_HOLDINGS_PER_USER) {
      throw new DomainError(ErrorCode.CONFLICT, `you have ${MAX_HOLDINGS_PER_USER} holdings, the most one portfolio can have; delete one first`);
    }
    const now = new Date();
    const holding: Holding = {
      id: uuidv7(),
      userId,
      ticker: body.ticker,
      quantityMicro: quantityMicro(body.quantity ?? '0'),
      averageCostMicro: body.averageCost === undefined ? null : priceMicro(body.averageCost),
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.runner.run((manager) => insertHolding(manager, holding));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw await this.alreadyHeld(userId, body.ticker);
    }
    return toHoldingView(priceHolding({ holding, quote }, closes));
  }

  /** Partial update: null clears the average cost. */
  async update(userId: string, id: string, patch: UpdateHoldingBody): Promise<HoldingView> {
    if (patch.quantity === undefined && patch.averageCost === undefined) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'the update names no field to change (quantity, averageCost)');
    }
    const quoted = await this.runner.run(async (manager) => {
      const holding = await findUserHoldingForUpdate(manager, userId, id);
      if (patch.quantity !== undefined) holding.quantityMicro = quantityMicro(patch.quantity);
      if (patch.averageCost !== undefined) holding.averageCostMicro = patch.averageCost === null ? null : priceMicro(patch.averageCost);
      holding.updatedAt = new Date();
      await updateHolding(manager, holding);
      return this.quoted(manager, userId, holding.id);
    });
    // Outside the transaction: no row lock waits on the var service.
    const [priced] = await this.priced([quoted]);
    return toHoldingView(priced!);
  }

  async delete(userId: string, id: string): Promise<{ id: string }> {
    return this.runner.run(async (manager) => {
      const holding = await findUserHoldingForUpdate(manager, userId, id);
      await deleteHolding(manager, holding);
      return { id: holding.id };
    });
  }

  private async quoted(manager: EntityManager, userId: string, id: string): Promise<QuotedHolding> {
    const [quoted] = await selectQuotedHoldings(manager, userId, id);
    if (!quoted) throw holdingNotFound(id);
    return quoted;
  }

  /** Holdings without a live quote are valued at their stored history's last close, when there is one. */
  private async priced(quoted: readonly QuotedHolding[]): Promise<PricedHolding[]> {
    const unquoted = quoted.filter((row) => !row.quote).map((row) => row.holding.ticker);
    const closes = await this.closes.of(unquoted);
    return quoted.map((row) => priceHolding(row, closes));
  }

  private async alreadyHeld(userId: string, ticker: string): Promise<DomainError> {
    const id = await findHoldingIdByTicker(this.dataSource.manager, userId, ticker);
    // Deleted again since the insert collided: nothing is in the way of a retry.
    if (id === undefined) return new DomainError(ErrorCode.CONFLICT, `your holding of ${ticker} changed meanwhile; try again`);
    return new DomainError(
      ErrorCode.HOLDING_EXISTS,
      `you already hold ${ticker}; change its quantity or average cost with PATCH /api/v1/portfolio/holdings/${id}`,
      { id },
    );
  }
}
