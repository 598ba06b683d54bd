import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import {
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
import { Response } from 'express';
import { RequestId } from '../http/request-id.decorator';
import { parseIdempotencyKey } from './idempotency-key';
import { InjectLedger, LedgerClient } from './ledger-client';

@ApiTags('transactions')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('transactions')
export class TransactionsController {
  constructor(@InjectLedger() private readonly ledger: LedgerClient) {}

  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'a retry with the same key and body within 24 h replays the first response',
  })
  async create(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CreateTransactionBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TransactionView> {
    const created = await this.ledger.send(LEDGER.createTransaction, {
      userId: user.userId,
      requestId,
      idempotency: parseIdempotencyKey(idempotencyKey),
      body,
    });
    response.status(201);
    if (created.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return created.transaction;
  }

  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Query() query: ListTransactionsQuery,
  ): Promise<TransactionPage> {
    return this.ledger.send(LEDGER.listTransactions, { userId: user.userId, requestId, query });
  }

  @Get(':id')
  get(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
  ): Promise<TransactionView> {
    return this.ledger.send(LEDGER.getTransaction, { userId: user.userId, requestId, id });
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
    @Body() patch: UpdateTransactionBody,
  ): Promise<TransactionView> {
    return this.ledger.send(LEDGER.updateTransaction, { userId: user.userId, requestId, id, patch });
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
  ): Promise<void> {
    await this.ledger.send(LEDGER.deleteTransaction, { userId: user.userId, requestId, id });
  }
}
