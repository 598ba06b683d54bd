import { Module } from '@nestjs/common';
import { QuoteIngestService } from './quote-ingest.service';
import { QuotesController } from './quotes.controller';
import { QuotesService } from './quotes.service';

@Module({
  controllers: [QuotesController],
  providers: [QuoteIngestService, QuotesService],
  // The quote polling writes through the same ingest.
  exports: [QuoteIngestService],
})
export class QuotesModule {}
