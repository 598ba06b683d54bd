import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import {
  ApplyRuleBody,
  CLASSIFIER,
  CreateRuleBody,
  IdParams,
  RuleApplication,
  RulePage,
  RuleView,
  UpdateRuleBody,
} from '@finstack/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../openapi/api-route.decorator';
import { onePage } from '../http/one-page';
import { RequestId } from '../http/request-id.decorator';
import { ClassifierClient, InjectClassifier } from './classifier-client';
import { RateLimited } from '../rate-limits/rate-limit.guard';

/** Applying a rule walks all of a user's transactions. */
const APPLY_TIMEOUT_MS = 120_000;

@ApiTags('rules')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('rules')
export class RulesController {
  constructor(@InjectClassifier() private readonly classifier: ClassifierClient) {}

  @Post()
  @ApiRoute({
    summary: 'Create a categorisation rule',
    status: 201,
    type: RuleView,
    errors: [400, 401, 404, 409, 413, 503, 504],
  })
  create(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Body() body: CreateRuleBody,
  ): Promise<RuleView> {
    return this.classifier.send(CLASSIFIER.createRule, { userId: user.userId, requestId, body });
  }

  /** In the order they run: by priority, then by creation. */
  @Get()
  @ApiRoute({
    summary: 'The rules in the order they run: by priority, then by creation',
    type: RulePage,
    errors: [401, 503, 504],
  })
  async list(@CurrentUser() user: AuthUser, @RequestId() requestId: string | undefined): Promise<RulePage> {
    return onePage(await this.classifier.send(CLASSIFIER.listRules, { userId: user.userId, requestId }));
  }

  @Get(':id')
  @ApiRoute({
    summary: 'One rule',
    type: RuleView,
    errors: [400, 401, 404, 503, 504],
  })
  get(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
  ): Promise<RuleView> {
    return this.classifier.send(CLASSIFIER.getRule, { userId: user.userId, requestId, id });
  }

  @Patch(':id')
  @ApiRoute({
    summary: 'Change a rule',
    type: RuleView,
    errors: [400, 401, 404, 413, 503, 504],
  })
  update(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
    @Body() patch: UpdateRuleBody,
  ): Promise<RuleView> {
    return this.classifier.send(CLASSIFIER.updateRule, { userId: user.userId, requestId, id, patch });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({
    summary: 'Delete a rule',
    status: 204,
    errors: [400, 401, 404, 503, 504],
  })
  async remove(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
  ): Promise<void> {
    await this.classifier.send(CLASSIFIER.deleteRule, { userId: user.userId, requestId, id });
  }

  /** Applies the rule to existing transactions; with dryRun, lists what would change. */
  @Post(':id/apply')
  @RateLimited('rule-apply')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Apply a rule to existing transactions',
    description: 'With dryRun, lists what would change and changes nothing. Manual categories are never changed.',
    type: RuleApplication,
    errors: [400, 401, 404, 413, 429, 503, 504],
  })
  apply(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
    @Body() options: ApplyRuleBody,
  ): Promise<RuleApplication> {
    return this.classifier.send(CLASSIFIER.applyRule, { userId: user.userId, requestId, id, options }, APPLY_TIMEOUT_MS);
  }
}
