import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import {
  AddWatchBody,
  AlertPage,
  IdParams,
  ListAlertsQuery,
  PORTFOLIO,
  UpdateWatchBody,
  WatchPage,
  WatchView,
} from '@finstack/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../openapi/api-route.decorator';
import { onePage } from '../http/one-page';
import { RequestId } from '../http/request-id.decorator';
import { InjectPortfolio, PortfolioClient } from './portfolio-client';

@ApiTags('watchlist')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('watchlist')
export class WatchlistController {
  constructor(@InjectPortfolio() private readonly portfolio: PortfolioClient) {}

  @Post()
  @ApiRoute({
    summary: 'Watch a ticker for a target price',
    description: 'above: one alert when a quote reaches the target from below; below: the mirror. The entry then disarms.',
    status: 201,
    type: WatchView,
    errors: [400, 401, 409, 413, 422, 503, 504],
  })
  add(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Body() body: AddWatchBody,
  ): Promise<WatchView> {
    return this.portfolio.send(PORTFOLIO.addWatch, { userId: user.userId, requestId, body });
  }

  @Get()
  @ApiRoute({ summary: 'The watchlist',
    type: WatchPage,
    errors: [401, 503, 504],
  })
  async list(@CurrentUser() user: AuthUser, @RequestId() requestId: string | undefined): Promise<WatchPage> {
    return onePage(await this.portfolio.send(PORTFOLIO.listWatches, { userId: user.userId, requestId }));
  }

  // Declared before ':id', which would otherwise take "alerts" for an id.
  @Get('alerts')
  @ApiRoute({ summary: 'Alerts that fired, newest first', description: 'Paged by cursor; ?watchId= for one entry.',
    type: AlertPage,
    errors: [400, 401, 404, 503, 504],
  })
  alerts(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Query() query: ListAlertsQuery,
  ): Promise<AlertPage> {
    return this.portfolio.send(PORTFOLIO.listAlerts, { userId: user.userId, requestId, query });
  }

  @Get(':id')
  @ApiRoute({ summary: 'One watchlist entry',
    type: WatchView,
    errors: [400, 401, 404, 503, 504],
  })
  get(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
  ): Promise<WatchView> {
    return this.portfolio.send(PORTFOLIO.getWatch, { userId: user.userId, requestId, id });
  }

  @Patch(':id')
  @ApiRoute({
    summary: 'Change the target, direction or note, or re-arm the entry',
    description: 'A new target or direction re-arms the entry; {"armed": true} re-arms it as it is.',
    type: WatchView,
    errors: [400, 401, 404, 413, 503, 504],
  })
  update(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
    @Body() patch: UpdateWatchBody,
  ): Promise<WatchView> {
    return this.portfolio.send(PORTFOLIO.updateWatch, { userId: user.userId, requestId, id, patch });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Stop watching a ticker',
    status: 204,
    errors: [400, 401, 404, 503, 504],
  })
  async remove(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
  ): Promise<void> {
    await this.portfolio.send(PORTFOLIO.deleteWatch, { userId: user.userId, requestId, id });
  }
}
