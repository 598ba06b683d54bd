import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import { AddHoldingBody, HoldingsView, HoldingView, IdParams, PORTFOLIO, UpdateHoldingBody } from '@finstack/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../openapi/api-route.decorator';
import { RequestId } from '../http/request-id.decorator';
import { InjectPortfolio, PortfolioClient } from './portfolio-client';

@ApiTags('portfolio')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('portfolio/holdings')
export class HoldingsController {
  constructor(@InjectPortfolio() private readonly portfolio: PortfolioClient) {}

  @Post()
  @ApiRoute({
    summary: 'Add a stock to the wallet',
    description:
      'One holding per ticker: a second one is a 409 HOLDING_EXISTS (change the first with PATCH). ' +
      'A ticker without quotes is a 422 UNKNOWN_TICKER unless allowUnknown is true.',
    status: 201,
    type: HoldingView,
    errors: [400, 401, 409, 413, 422, 503, 504],
  })
  add(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Body() body: AddHoldingBody,
  ): Promise<HoldingView> {
    return this.portfolio.send(PORTFOLIO.addHolding, { userId: user.userId, requestId, body });
  }

  @Get()
  @ApiRoute({
    summary: 'The wallet, valued at the latest quotes',
    description: 'Per holding: market value, day change and unrealised P&L; totals per currency.',
    type: HoldingsView,
    errors: [401, 503, 504],
  })
  list(@CurrentUser() user: AuthUser, @RequestId() requestId: string | undefined): Promise<HoldingsView> {
    return this.portfolio.send(PORTFOLIO.listHoldings, { userId: user.userId, requestId });
  }

  @Patch(':id')
  @ApiRoute({ summary: 'Change the quantity or the average cost (null clears it)',
    type: HoldingView,
    errors: [400, 401, 404, 413, 503, 504],
  })
  update(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
    @Body() patch: UpdateHoldingBody,
  ): Promise<HoldingView> {
    return this.portfolio.send(PORTFOLIO.updateHolding, { userId: user.userId, requestId, id, patch });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Remove a holding from the wallet',
    status: 204,
    errors: [400, 401, 404, 503, 504],
  })
  async remove(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
  ): Promise<void> {
    await this.portfolio.send(PORTFOLIO.deleteHolding, { userId: user.userId, requestId, id });
  }
}
