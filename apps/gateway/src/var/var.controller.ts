import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import { AnalysisBody, IdParams, PortfolioVarBody, RunPage, RunReply, RunsQuery, RunView, VAR } from '@finstack/contracts';
import { Body, Controller, Get, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../openapi/api-route.decorator';
import { Response } from 'express';
import { RequestId } from '../http/request-id.decorator';
import { InjectVar, VarClient } from './var-client';
import { RateLimited } from '../rate-limits/rate-limit.guard';

/**
 * An analysis small enough to answer at once runs inside the call: the
 * service's size threshold keeps that to well under a second, and this bounds
 * it anyway. Larger ones come back at once as jobs.
 */
const RUN_TIMEOUT_MS = 30_000;

@ApiTags('risk')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('var')
export class VarController {
  constructor(@InjectVar() private readonly risk: VarClient) {}

  @Post('analyses')
  @RateLimited('var')
  @ApiRoute({
    summary: 'Monte-Carlo VaR and ES of a trading strategy on a stored price history',
    description:
      'Strategies: sma-crossover {A, V} and three-soldiers-crows {H, body, P}. Small runs answer 201 with the result; ' +
      'larger ones (samples × signals above the service threshold) answer 202 with the run: follow it at ' +
      'GET /var/analyses/:id or through var.progress / var.completed pushes.',
    status: 201,
    type: RunView,
    also: { status: 202, description: 'accepted as a job: the queued run; follow it at Location or through var.progress pushes', type: RunView },
    errors: [400, 401, 404, 413, 422, 429, 503, 504],
  })
  async analyse(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Body() body: AnalysisBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RunView> {
    return answer(response, await this.risk.send(VAR.runAnalysis, { userId: user.userId, requestId, body }, RUN_TIMEOUT_MS));
  }

  @Post('portfolio')
  @RateLimited('var')
  @ApiRoute({
    summary: "VaR and ES of the caller's holdings: monte-carlo (Cholesky), historical or parametric",
    description: 'Values at the last close every holding has; each holding\'s contribution is given. 201 or 202 as for analyses.',
    status: 201,
    type: RunView,
    also: { status: 202, description: 'accepted as a job: the queued run; follow it at Location or through var.progress pushes', type: RunView },
    errors: [400, 401, 413, 422, 429, 503, 504],
  })
  async portfolio(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Body() body: PortfolioVarBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RunView> {
    return answer(response, await this.risk.send(VAR.runPortfolio, { userId: user.userId, requestId, body }, RUN_TIMEOUT_MS));
  }

  @Get('analyses')
  @ApiRoute({ summary: "The caller's analysis runs (strategy and portfolio), newest first, without results",
    type: RunPage,
    errors: [400, 401, 503, 504],
  })
  list(@CurrentUser() user: AuthUser, @RequestId() requestId: string | undefined, @Query() query: RunsQuery): Promise<RunPage> {
    return this.risk.send(VAR.listRuns, { userId: user.userId, requestId, query });
  }

  @Get('analyses/:id')
  @ApiRoute({ summary: 'One run: its status and progress, and its result once it succeeded',
    type: RunView,
    errors: [400, 401, 404, 503, 504],
  })
  get(@CurrentUser() user: AuthUser, @RequestId() requestId: string | undefined, @Param() { id }: IdParams): Promise<RunView> {
    return this.risk.send(VAR.getRun, { userId: user.userId, requestId, id });
  }
}

/** 202 and where to follow it for a job, 201 and where it is kept for a finished run. */
function answer(response: Response, reply: RunReply): RunView {
  response.status(reply.accepted ? 202 : 201);
  response.setHeader('Location', `/api/v1/var/analyses/${reply.run.id}`);
  return reply.run;
}
