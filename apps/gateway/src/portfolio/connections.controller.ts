import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import { ConnectionList, ConnectionView, MARKET_DATA, MarketDataContract, ProviderParams, PutConnectionBody } from '@finstack/contracts';
import { RpcClient } from '@finstack/rpc';
import { Body, Controller, Delete, Get, HttpCode, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../openapi/api-route.decorator';
import { RequestId } from '../http/request-id.decorator';
import { InjectPortfolio } from './portfolio-client';

/** The key is checked against the provider first, which may take a few seconds and a retry. */
const CONNECT_TIMEOUT_MS = 20_000;

/** Market-data provider keys, kept by the portfolio service (it polls with them). */
@ApiTags('connections')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('connections')
export class ConnectionsController {
  constructor(@InjectPortfolio() private readonly portfolio: RpcClient<MarketDataContract>) {}

  @Put(':provider')
  @ApiRoute({
    summary: "Connect a market-data provider with one's API key",
    description:
      'The key is tried once against the provider, then stored sealed (envelope encryption under the user id); ' +
      "it is never shown again, only its last 4 characters. From then on, the user's held and watched tickers are polled with it. " +
      'Replaces an earlier key for the same provider.',
    type: ConnectionView,
    errors: [400, 401, 413, 503, 504],
  })
  put(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() params: ProviderParams,
    @Body() body: PutConnectionBody,
  ): Promise<ConnectionView> {
    return this.portfolio.send(MARKET_DATA.putConnection, { userId: user.userId, requestId, params, body }, CONNECT_TIMEOUT_MS);
  }

  @Get()
  @ApiRoute({
    summary: "One's connections: provider, the key's last 4 characters, created, last used, last error",
    type: ConnectionList,
    errors: [401, 503, 504],
  })
  list(@CurrentUser() user: AuthUser, @RequestId() requestId: string | undefined): Promise<ConnectionList> {
    return this.portfolio.send(MARKET_DATA.listConnections, { userId: user.userId, requestId });
  }

  @Delete(':provider')
  @HttpCode(204)
  @ApiRoute({ summary: 'Remove a connection and its stored key', status: 204, errors: [400, 401, 404, 503, 504] })
  async delete(@CurrentUser() user: AuthUser, @RequestId() requestId: string | undefined, @Param() params: ProviderParams): Promise<void> {
    await this.portfolio.send(MARKET_DATA.deleteConnection, { userId: user.userId, requestId, params });
  }
}
