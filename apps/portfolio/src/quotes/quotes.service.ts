import { DomainError, ErrorCode, QuoteView } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findLatestQuote } from './latest-quote-rows';
import { toQuoteView } from './quote.view';

@Injectable()
export class QuotesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(ticker: string): Promise<QuoteView> {
    const quote = await findLatestQuote(this.dataSource.manager, ticker);
    if (!quote) throw new DomainError(ErrorCode.QUOTE_NOT_FOUND, `there is no quote for ${ticker} yet`);
    return toQuoteView(quote);
  }
}
