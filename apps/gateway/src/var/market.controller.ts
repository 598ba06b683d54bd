import { JwtAuthGuard } from '@finstack/auth';
import { PriceHistoryView, PriceRangeQuery, StoredPricesView, TickerParams, TickersView, VAR, VAR_LIMITS } from '@finstack/contracts';
import { Controller, Get, Param, Put, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../openapi/api-route.decorator';
import { Request } from 'express';
import { OperatorGuard } from '../auth/operator-role';
import { readCsvText, UploadLimit } from '../http/csv-upload';
import { RequestId } from '../http/request-id.decorator';
import { InjectVar, VarClient } from './var-client';

const PRICE_CSV_UPLOAD: UploadLimit = {
  bytes: VAR_LIMITS.priceCsvBytesMax,
  tooLarge: `a price CSV may be at most ${VAR_LIMITS.priceCsvBytesMax / 1_000_000} MB`,
};

/** Daily price histories, kept as CSV objects in S3, for the risk analyses. */
@ApiTags('market data')
@ApiBearerAuth()
@Controller('market')
export class MarketController {
  constructor(@InjectVar() private readonly risk: VarClient) {}

  @Put('prices/:ticker')
  @UseGuards(OperatorGuard)
  @ApiRoute({
    summary: 'Store a price history (operators only)',
    description:
      'A CSV with the header Date,Open,High,Low,Close,Adj Close,Volume; dates dd/mm/yyyy or yyyy-mm-dd, oldest first, ' +
      'no empty cells, positive prices. It replaces the stored history. A refused file is a 422 naming its lines.',
    type: StoredPricesView,
    errors: [400, 401, 403, 413, 422, 503, 504],
  })
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async put(
    @RequestId() requestId: string | undefined,
    @Param() params: TickerParams,
    @Req() request: Request,
  ): Promise<StoredPricesView> {
    const csv = await readCsvText(request, PRICE_CSV_UPLOAD);
    return this.risk.send(VAR.putPrices, { requestId, params, csv });
  }

  @Get('tickers')
  @UseGuards(JwtAuthGuard)
  @ApiRoute({ summary: 'Tickers with a stored price history',
    type: TickersView,
    errors: [401, 503, 504],
  })
  tickers(@RequestId() requestId: string | undefined): Promise<TickersView> {
    return this.risk.send(VAR.listTickers, { requestId });
  }

  @Get('prices/:ticker')
  @UseGuards(JwtAuthGuard)
  @ApiRoute({ summary: 'A price history, oldest first, optionally from and to given days (both included)',
    type: PriceHistoryView,
    errors: [400, 401, 404, 503, 504],
  })
  prices(
    @RequestId() requestId: string | undefined,
    @Param() params: TickerParams,
    @Query() query: PriceRangeQuery,
  ): Promise<PriceHistoryView> {
    return this.risk.send(VAR.getPrices, { requestId, params, query });
  }
}
