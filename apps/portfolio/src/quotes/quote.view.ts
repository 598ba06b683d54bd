import { QuoteView, utcTimestamp } from '@finstack/contracts';
import { ratio } from '@finstack/money';
import { priceText } from '../common/scaled-text';
import { LatestQuote } from './latest-quote-rows';

export function toQuoteView(quote: LatestQuote): QuoteView {
  const previousClose = quote.previousCloseMicro;
  return {
    ticker: quote.ticker,
    price: priceText(quote.priceMicro),
    currency: quote.currency,
    at: utcTimestamp(quote.quotedAt),
    previousClose: previousClose === null ? null : priceText(previousClose),
    change: previousClose === null ? null : priceText(quote.priceMicro - previousClose),
    changePct: previousClose === null ? null : ratio(quote.priceMicro - previousClose, previousClose),
  };
}
