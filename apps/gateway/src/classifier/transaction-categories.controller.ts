import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import {
  AutoCategorizeBody,
  AutoCategorizeResult,
  CategoriesSet,
  CategorizeManyBody,
  CLASSIFIER,
  IdParams,
  LEDGER,
  SetCategoryBody,
  Suggestion,
  TransactionView,
} from '@finstack/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../openapi/api-route.decorator';
import { RequestId } from '../http/request-id.decorator';
import { InjectLedger, LedgerClient } from '../ledger/ledger-client';
import { ClassifierClient, InjectClassifier } from './classifier-client';

/** Categorising every transaction of a user is paged, but may take a while. */
const AUTO_CATEGORIZE_TIMEOUT_MS = 120_000;

@ApiTags('categorization')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('transactions')
export class TransactionCategoriesController {
  constructor(
    @InjectClassifier() private readonly classifier: ClassifierClient,
    @InjectLedger() private readonly ledger: LedgerClient,
  ) {}

  /** Sets (or with null clears) a category by hand; the classifier learns from it. */
  @Put(':id/category')
  @ApiRoute({
    summary: 'Set (or with null clear) the category of a transaction by hand',
    description: 'The classifier learns from it.',
    type: TransactionView,
    errors: [400, 401, 404, 413, 503, 504],
  })
  async set(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
    @Body() { categoryId }: SetCategoryBody,
  ): Promise<TransactionView> {
    await this.classifier.send(CLASSIFIER.setManualCategory, {
      userId: user.userId,
      requestId,
      transactionIds: [id],
      categoryId,
    });
    return this.ledger.send(LEDGER.getTransaction, { userId: user.userId, requestId, id });
  }

  /** One category for many transactions; all of them must be the caller's, or nothing changes. */
  @Post('categorize')
  @HttpCode(200)
  @ApiRoute({
    summary: 'One category for many transactions',
    description: "All of them must be the caller's, or nothing changes.",
    type: CategoriesSet,
    errors: [400, 401, 404, 413, 503, 504],
  })
  categorizeMany(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Body() body: CategorizeManyBody,
  ): Promise<CategoriesSet> {
    return this.classifier.send(CLASSIFIER.setManualCategory, { userId: user.userId, requestId, ...body });
  }

  @Post('auto-categorize')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Categorise transactions automatically',
    description: 'Manual categories are never changed; undecided ones are left as they are.',
    type: AutoCategorizeResult,
    errors: [400, 401, 413, 503, 504],
  })
  autoCategorize(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Body() body: AutoCategorizeBody,
  ): Promise<AutoCategorizeResult> {
    return this.classifier.send(
      CLASSIFIER.autoCategorize,
      { userId: user.userId, requestId, ...body },
      AUTO_CATEGORIZE_TIMEOUT_MS,
    );
  }

  @Get(':id/category-suggestions')
  @ApiRoute({
    summary: 'The likeliest categories for a transaction, best first',
    type: [Suggestion],
    errors: [400, 401, 404, 503, 504],
  })
  suggestions(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
  ): Promise<Suggestion[]> {
    return this.classifier.send(CLASSIFIER.suggestions, { userId: user.userId, requestId, transactionId: id });
  }
}
