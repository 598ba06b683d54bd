import { MARKET_DATA, MarketDataContract, StoredPricesView, TickerParams, VAR } from '@finstack/contracts';
import { RpcClient } from '@finstack/rpc';
import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../openapi/api-route.decorator';
import { OperatorGuard } from '../auth/operator-role';
import { RequestId } from '../http/request-id.decorator';
import { InjectPortfolio } from '../portfolio/portfolio-client';
import { InjectVar, VarClient } from './var-client';

/** The provider's daily history can run to years: give both hops more than a plain call's time. */
const REFRESH_TIMEOUT_MS = 60_000;

@ApiTags('market data')
@ApiBearerAuth()
@Controller('market')
export class PriceRefreshController {
  constructor(
    @InjectPortfolio() private readonly portfolio: RpcClient<MarketDataContract>,
    @InjectVar() private readonly risk: VarClient,
  ) {}

  @Post('prices/:ticker/refresh')
  @HttpCode(200)
  @UseGuards(OperatorGuard)
  @ApiRoute({
    summary: "Fill or refresh a ticker's stored price history from the market-data provider (operators only)",
    description: 'Five years of daily prices with the system key (MARKET_DATA_API_KEY), stored through the same checks as an upload.',
    type: StoredPricesView,
    errors: [400, 401, 403, 404, 422, 503, 504],
  })
  async refresh(@RequestId() requestId: string | undefined, @Param() params: TickerParams): Promise<StoredPricesView> {
    const history = await this.portfolio.send(MARKET_DATA.fetchHistory, { requestId, params }, REFRESH_TIMEOUT_MS);
    return this.risk.send(VAR.putPrices, { requestId, params, csv: history.csv }, REFRESH_TIMEOUT_MS);
  }
}
