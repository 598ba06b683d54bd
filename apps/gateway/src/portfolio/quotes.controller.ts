import { JwtAuthGuard } from '@finstack/auth';
import {
  IngestQuotesBody,
  MAX_QUOTES_PER_BATCH,
  PORTFOLIO,
  QuoteInput,
  QuotesIngested,
  QuoteView,
  TickerParams,
} from '@finstack/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiHeader,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiRoute } from '../openapi/api-route.decorator';
import { RequestId } from '../http/request-id.decorator';
import { InjectPortfolio, PortfolioClient } from './portfolio-client';
import { QuoteIngestGuard } from './quote-ingest.guard';
import { QuotesBodyPipe } from './quotes-body.pipe';

/**
 * A batch is one transaction in the portfolio service, which on MySQL waits
 * for any other batch quoting the same tickers. Waiting longer than for a
 * plain read keeps a slow batch that does commit from being reported as a 504.
 */
const INGEST_TIMEOUT_MS = 15_000;

@ApiTags('quotes')
@ApiBearerAuth()
@Controller('quotes')
export class QuotesController {
  constructor(@InjectPortfolio() private readonly portfolio: PortfolioClient) {}

  @Post()
  @HttpCode(200)
  @UseGuards(QuoteIngestGuard)
  @ApiRoute({
    summary: 'Post prices: one quote or a batch',
    description:
      `At most ${MAX_QUOTES_PER_BATCH} quotes per batch. For operators (OPERATOR_EMAILS) or a feed with the ingest key. ` +
      'A quote not newer than the stored one of its ticker is ignored, never overwrites it. ' +
      'Crossed watchlist targets fire their alerts.',
    type: QuotesIngested,
    errors: [400, 401, 403, 413, 503, 504],
  })
  @ApiHeader({ name: 'X-Api-Key', required: false, description: 'the ingest key (QUOTES_INGEST_API_KEY), instead of a token' })
  @ApiExtraModels(QuoteInput, IngestQuotesBody)
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(QuoteInput) }, { $ref: getSchemaPath(IngestQuotesBody) }] } })
  ingest(
    @RequestId() requestId: string | undefined,
    // A type alias, not the class, so the global pipe leaves the body to QuotesBodyPipe, which knows both shapes.
    @Body(QuotesBodyPipe) body: Pick<IngestQuotesBody, 'quotes'>,
  ): Promise<QuotesIngested> {
    return this.portfolio.send(PORTFOLIO.ingestQuotes, { requestId, body }, INGEST_TIMEOUT_MS);
  }

  @Get(':ticker')
  @UseGuards(JwtAuthGuard)
  @ApiRoute({ summary: "A ticker's latest quote, with the previous close and the change since",
    type: QuoteView,
    errors: [400, 401, 404, 503, 504],
  })
  get(@RequestId() requestId: string | undefined, @Param() params: TickerParams): Promise<QuoteView> {
    return this.portfolio.send(PORTFOLIO.getQuote, { requestId, params });
  }
}
