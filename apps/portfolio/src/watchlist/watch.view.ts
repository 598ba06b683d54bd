import { utcTimestamp, WatchView } from '@finstack/contracts';
import { priceText } from '../common/scaled-text';
import { WatchEntry } from './watch-entry-rows';

export function toWatchView(entry: WatchEntry): WatchView {
  return {
    id: entry.id,
    ticker: entry.ticker,
    targetPrice: priceText(entry.targetMicro),
    direction: entry.direction,
    note: entry.note,
    armed: entry.armed,
    lastTriggeredAt: entry.lastTriggeredAt && utcTimestamp(entry.lastTriggeredAt),
    createdAt: utcTimestamp(entry.createdAt),
    updatedAt: utcTimestamp(entry.updatedAt),
  };
}
