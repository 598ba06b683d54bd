import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import {
  AUTO_CATEGORIZE_TIMEOUT_MS,
  CreateTransactionBody,
  IdParams,
  LEDGER,
  ListTransactionsQuery,
  TransactionPage,
  TransactionView,
  UpdateTransactionBody,
} from '@finstack/contracts';
import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../openapi/api-route.decorator';
import { Response } from 'express';
import { CategorizerService } from '../classifier/categorizer.service';
import { RequestId } from '../http/request-id.decorator';
import { CreateTransactionQuery } from './create-transaction.query';
import { parseIdempotencyKey } from './idempotency-key';
import { InjectLedger, LedgerClient } from './ledger-client';

@ApiTags('transactions')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('transactions')
export class TransactionsController {
  constructor(
    @InjectLedger() private readonly ledger: LedgerClient,
    private readonly categorizer: CategorizerService,
  ) {}

  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'a retry with the same key and body within 24 h replays the first response',
  })
  @ApiRoute({
    summary: 'Record a transaction',
    description: 'Without a categoryId the classifier picks one (unless autoCategorize=false). With an Idempotency-Key, a retry within 24 h replays the first answer.',
    status: 201,
    type: TransactionView,
    errors: [400, 401, 404, 409, 413, 422, 503, 504],
  })
  async create(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CreateTransactionBody,
    @Query() { autoCategorize }: CreateTransactionQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TransactionView> {
    const idempotency = parseIdempotencyKey(idempotencyKey);
    // The ledger asks the classifier itself, with the categories it has just read: one hop fewer.
    const created = await this.ledger.send(
      LEDGER.createTransaction,
      { userId: user.userId, requestId, idempotency, body, autoCategorize: !body.categoryId && autoCategorize !== false },
      this.ledger.defaultTimeoutMs + AUTO_CATEGORIZE_TIMEOUT_MS,
    );
    response.status(201);
    if (created.replayed) response.setHeader('Idempotent-Replayed', 'true');
    else this.categorizer.learnFrom(user.userId, requestId, created.transaction);
    return created.transaction;
  }

  @Get()
  @ApiRoute({
    summary: 'List transactions, newest first, paged by cursor',
    type: TransactionPage,
    errors: [400, 401, 404, 503, 504],
  })
  list(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Query() query: ListTransactionsQuery,
  ): Promise<TransactionPage> {
    return this.ledger.send(LEDGER.listTransactions, { userId: user.userId, requestId, query });
  }

  @Get(':id')
  @ApiRoute({
    summary: 'One transaction',
    type: TransactionView,
    errors: [400, 401, 404, 503, 504],
  })
  get(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
  ): Promise<TransactionView> {
    return this.ledger.send(LEDGER.getTransaction, { userId: user.userId, requestId, id });
  }

  @Patch(':id')
  @ApiRoute({
    summary: 'Change a transaction',
    type: TransactionView,
    errors: [400, 401, 404, 409, 413, 503, 504],
  })
  async update(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
    @Body() patch: UpdateTransactionBody,
  ): Promise<TransactionView> {
    const updated = await this.ledger.send(LEDGER.updateTransaction, { userId: user.userId, requestId, id, patch });
    if (patch.categoryId) this.categorizer.learnFrom(user.userId, requestId, updated);
    return updated;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({
    summary: 'Delete a transaction',
    status: 204,
    errors: [400, 401, 404, 503, 504],
  })
  async remove(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
  ): Promise<void> {
    await this.ledger.send(LEDGER.deleteTransaction, { userId: user.userId, requestId, id });
  }
}
