import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import { AnalysisBody, IdParams, PortfolioVarBody, RunPage, RunReply, RunsQuery, RunView, VAR } from '@finstack/contracts';
import { Body, Controller, Get, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { RequestId } from '../http/request-id.decorator';
import { InjectVar, VarClient } from './var-client';

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
  @ApiOperation({
    summary: 'Monte-Carlo VaR and ES of a trading strategy on a stored price history',
    description:
      'Strategies: sma-crossover {A, V} and three-soldiers-crows {H, body, P}. Small runs answer 201 with the result; ' +
      'larger ones (samples × signals above the service threshold) answer 202 with the run: follow it at ' +
      'GET /var/analyses/:id or through var.progress / var.completed pushes.',
  })
  @ApiCreatedResponse({ description: 'done: the run with its result' })
  @ApiAcceptedResponse({ description: 'accepted as a job: the queued run' })
  async analyse(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Body() body: AnalysisBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RunView> {
    return answer(response, await this.risk.send(VAR.runAnalysis, { userId: user.userId, requestId, body }, RUN_TIMEOUT_MS));
  }

  @Post('portfolio')
  @ApiOperation({
    summary: "VaR and ES of the caller's holdings: monte-carlo (Cholesky), historical or parametric",
    description: 'Values at the last close every holding has; each holding\'s contribution is given. 201 or 202 as for analyses.',
  })
  @ApiCreatedResponse({ description: 'done: the run with its result' })
  @ApiAcceptedResponse({ description: 'accepted as a job: the queued run' })
  async portfolio(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Body() body: PortfolioVarBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RunView> {
    return answer(response, await this.risk.send(VAR.runPortfolio, { userId: user.userId, requestId, body }, RUN_TIMEOUT_MS));
  }

  @Get('analyses')
  @ApiOperation({ summary: "The caller's analysis runs (strategy and portfolio), newest first, without results" })
  list(@CurrentUser() user: AuthUser, @RequestId() requestId: string | undefined, @Query() query: RunsQuery): Promise<RunPage> {
    return this.risk.send(VAR.listRuns, { userId: user.userId, requestId, query });
  }

  @Get('analyses/:id')
  @ApiOperation({ summary: 'One run: its status and progress, and its result once it succeeded' })
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
