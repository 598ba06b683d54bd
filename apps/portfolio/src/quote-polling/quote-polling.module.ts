import { Module } from '@nestjs/common';
import { QuotesModule } from '../quotes/quotes.module';
import { QuotePollerService } from './quote-poller.service';

@Module({ imports: [QuotesModule], providers: [QuotePollerService], exports: [QuotePollerService] })
export class QuotePollingModule {}
