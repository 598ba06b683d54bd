import { AlertView, utcTimestamp } from '@finstack/contracts';
import { priceText } from '../common/scaled-text';
import { PriceAlert } from './price-alert-rows';

export function toAlertView(alert: PriceAlert): AlertView {
  return {
    id: alert.id,
    watchId: alert.watchId,
    ticker: alert.ticker,
    direction: alert.direction,
    targetPrice: priceText(alert.targetMicro),
    price: priceText(alert.priceMicro),
    quoteAt: utcTimestamp(alert.quoteAt),
    triggeredAt: utcTimestamp(alert.triggeredAt),
  };
}
