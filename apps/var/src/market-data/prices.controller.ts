import { CallableBy } from '@finstack/rpc';
import { GetPricesMessage, LastClosesMessage, PutPricesMessage, RpcMessage, VAR } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VarReply } from '../common/var-reply';
import { withStoreErrors } from './market-data-errors';
import { PriceHistoryStore } from './price-history.store';

@Controller()
export class PricesController {
  constructor(private readonly store: PriceHistoryStore) {}

  @MessagePattern(VAR.putPrices)
  @CallableBy('service:gateway')
  async put(@Payload() message: PutPricesMessage): VarReply<typeof VAR.putPrices> {
    const { ticker, rows, from, to } = await withStoreErrors(() => this.store.putCsv(message.params.ticker, message.csv));
    return { ticker, rows, from, to };
  }

  @MessagePattern(VAR.listTickers)
  async tickers(@Payload() _message: RpcMessage): VarReply<typeof VAR.listTickers> {
    return { items: await this.store.tickers(), nextCursor: null };
  }

  /** Closes at 6 decimals (the portfolio's price scale); a ticker without a stored history is left out. */
  @MessagePattern(VAR.lastCloses)
  @CallableBy('gateway-user', 'service:portfolio')
  async lastCloses(@Payload() message: LastClosesMessage): VarReply<typeof VAR.lastCloses> {
    const rows = await withStoreErrors(() => this.store.lastRows(message.tickers));
    return { items: [...rows].map(([ticker, row]) => ({ ticker, date: row.date, close: closeText(row.close) })) };
  }

  @MessagePattern(VAR.getPrices)
  async get(@Payload() message: GetPricesMessage): VarReply<typeof VAR.getPrices> {
    const prices = await withStoreErrors(() => this.store.history(message.params.ticker, message.query));
    return {
      ticker: message.params.ticker,
      from: prices.length ? prices[0].date : null,
      to: prices.length ? prices[prices.length - 1].date : null,
      rows: prices.length,
      prices,
    };
  }
}

/** "189.98" from 189.98: rounded to micro-units, trailing zeros dropped. */
function closeText(close: number): string {
  return close.toFixed(6).replace(/\.?0+$/, '');
}
