import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import {
  ApplyRuleBody,
  CLASSIFIER,
  CreateRuleBody,
  IdParams,
  RuleApplication,
  RuleView,
  UpdateRuleBody,
} from '@finstack/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequestId } from '../http/request-id.decorator';
import { ClassifierClient, InjectClassifier } from './classifier-client';

/** Applying a rule walks all of a user's transactions. */
const APPLY_TIMEOUT_MS = 120_000;

@ApiTags('rules')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('rules')
export class RulesController {
  constructor(@InjectClassifier() private readonly classifier: ClassifierClient) {}

  @Post()
  create(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Body() body: CreateRuleBody,
  ): Promise<RuleView> {
    return this.classifier.send(CLASSIFIER.createRule, { userId: user.userId, requestId, body });
  }

  /** In the order they run: by priority, then by creation. */
  @Get()
  list(@CurrentUser() user: AuthUser, @RequestId() requestId: string | undefined): Promise<RuleView[]> {
    return this.classifier.send(CLASSIFIER.listRules, { userId: user.userId, requestId });
  }

  @Get(':id')
  get(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
  ): Promise<RuleView> {
    return this.classifier.send(CLASSIFIER.getRule, { userId: user.userId, requestId, id });
  }

  @Patch(':id')
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
  async remove(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
  ): Promise<void> {
    await this.classifier.send(CLASSIFIER.deleteRule, { userId: user.userId, requestId, id });
  }

  /** Applies the rule to existing transactions; with dryRun, lists what would change. */
  @Post(':id/apply')
  @HttpCode(200)
  apply(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
    @Body() options: ApplyRuleBody,
  ): Promise<RuleApplication> {
    return this.classifier.send(CLASSIFIER.applyRule, { userId: user.userId, requestId, id, options }, APPLY_TIMEOUT_MS);
  }
}
