import { CallableBy } from '@finstack/rpc';
import { GetQuoteMessage, IngestQuotesMessage, PORTFOLIO } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PortfolioReply } from '../common/portfolio-reply';
import { QuoteIngestService } from './quote-ingest.service';
import { QuotesService } from './quotes.service';

@Controller()
export class QuotesController {
  constructor(
    private readonly ingestion: QuoteIngestService,
    private readonly quotes: QuotesService,
  ) {}

  /** No userId: the gateway lets only operators and holders of the ingest key send quotes. */
  @MessagePattern(PORTFOLIO.ingestQuotes)
  @CallableBy('service:gateway')
  ingest(@Payload() message: IngestQuotesMessage): PortfolioReply<typeof PORTFOLIO.ingestQuotes> {
    return this.ingestion.ingest(message.body);
  }

  @MessagePattern(PORTFOLIO.getQuote)
  get(@Payload() message: GetQuoteMessage): PortfolioReply<typeof PORTFOLIO.getQuote> {
    return this.quotes.get(message.params.ticker);
  }
}
