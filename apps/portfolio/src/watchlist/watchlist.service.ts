import { AddWatchBody, DomainError, ErrorCode, UpdateWatchBody, WatchView } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { priceMicro } from '../common/scaled-text';
import {
  countUserWatchEntries,
  deleteWatchEntry,
  findUserWatchEntry,
  insertWatchEntry,
  selectUserWatchEntries,
  updateWatchEntry,
  WatchEntry,
} from './watch-entry-rows';
import { toWatchView } from './watch.view';

/** Keeps the watchlist (a list without pages) a bounded read. */
export const MAX_WATCH_ENTRIES_PER_USER = 1000;

/**
 * A watchlist entry fires one alert when a quote reaches its target while it
 * is armed (see quotes/quote-ingest.service.ts); firing disarms it. A new
 * target or direction, or `armed: true`, arms it again. Entries may name a
 * ticker before its first quote.
 */
@Injectable()
export class WatchlistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TransactionRunner,
  ) {}

  async list(userId: string): Promise<WatchView[]> {
    return (await selectUserWatchEntries(this.dataSource.manager, userId)).map(toWatchView);
  }

  async get(userId: string, id: string): Promise<WatchView> {
    return toWatchView(await findUserWatchEntry(this.dataSource.manager, userId, id));
  }

  async add(userId: string, body: AddWatchBody): Promise<WatchView> {
    if ((await countUserWatchEntries(this.dataSource.manager, userId)) >= MAX_WATCH_ENTRIES_PER_USER) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `you have ${MAX_WATCH_ENTRIES_PER_USER} watchlist entries, the most one watchlist can have; delete one first`,
      );
    }
    const now = new Date();
    const entry: WatchEntry = {
      id: uuidv7(),
      userId,
      ticker: body.ticker,
      targetMicro: priceMicro(body.targetPrice),
      direction: body.direction,
      note: body.note ?? null,
      armed: true,
      lastTriggeredAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.runner.run((manager) => insertWatchEntry(manager, entry));
    return toWatchView(entry);
  }

  /** Partial update: null clears the note. Any target or direction sent re-arms the entry, as does `armed: true`. */
  async update(userId: string, id: string, patch: UpdateWatchBody): Promise<WatchView> {
    if (Object.values(patch).every((value) => value === undefined)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'the update names no field to change (targetPrice, direction, note, armed)');
    }
    return this.runner.run(async (manager) => {
      const entry = await findUserWatchEntry(manager, userId, id, { forUpdate: true });
      if (patch.targetPrice !== undefined) entry.targetMicro = priceMicro(patch.targetPrice);
      if (patch.direction !== undefined) entry.direction = patch.direction;
      if (patch.note !== undefined) entry.note = patch.note;
      if (patch.armed || patch.targetPrice !== undefined || patch.direction !== undefined) entry.armed = true;
      entry.updatedAt = new Date();
      await updateWatchEntry(manager, entry);
      return toWatchView(entry);
    });
  }

  async delete(userId: string, id: string): Promise<{ id: string }> {
    return this.runner.run(async (manager) => {
      const entry = await findUserWatchEntry(manager, userId, id, { forUpdate: true });
      await deleteWatchEntry(manager, userId, entry.id);
      return { id: entry.id };
    });
  }
}
