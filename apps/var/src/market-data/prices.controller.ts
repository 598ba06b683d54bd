import { GetPricesMessage, PutPricesMessage, RpcMessage, VAR } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VarReply } from '../common/var-reply';
import { withStoreErrors } from './market-data-errors';
import { PriceHistoryStore } from './price-history.store';

@Controller()
export class PricesController {
  constructor(private readonly store: PriceHistoryStore) {}

  @MessagePattern(VAR.putPrices)
  async put(@Payload() message: PutPricesMessage): VarReply<typeof VAR.putPrices> {
    const { ticker, rows, from, to } = await withStoreErrors(() => this.store.putCsv(message.params.ticker, message.csv));
    return { ticker, rows, from, to };
  }

  @MessagePattern(VAR.listTickers)
  async tickers(@Payload() _message: RpcMessage): VarReply<typeof VAR.listTickers> {
    return { items: await this.store.tickers(), nextCursor: null };
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
