import { AlertPage, ListAlertsQuery } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findUserWatchEntry } from '../watchlist/watch-entry-rows';
import { decodeAlertCursor, encodeAlertCursor } from './alert-cursor';
import { toAlertView } from './alert.view';
import { selectPriceAlerts } from './price-alert-rows';

const DEFAULT_PAGE_SIZE = 50;

/**
 * A user's alerts newest first, a keyset page at a time (ids are UUIDv7, so
 * id order is the order they fired in): no OFFSET, and alerts firing
 * meanwhile never shift a page. Alerts outlive their watchlist entry.
 */
@Injectable()
export class AlertHistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(userId: string, query: ListAlertsQuery): Promise<AlertPage> {
    const before = query.cursor === undefined ? undefined : decodeAlertCursor(query.cursor);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const manager = this.dataSource.manager;
    // Filtering by an entry that is not the user's is answered like using it anywhere else: not found.
    const watchId = query.watchId === undefined ? undefined : (await findUserWatchEntry(manager, userId, query.watchId)).id;
    const alerts = await selectPriceAlerts(manager, { userId, watchId, before, limit: limit + 1 });
    const items = alerts.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(toAlertView), nextCursor: alerts.length > limit && last ? encodeAlertCursor(last.id) : null };
  }
}
