/**
 * The benchmark's baseline: the gateway's GET /api/v1/transactions served in
 * one process, with the same HTTP stack, guard, validation and query, but
 * the ledger's list service called directly instead of over TCP.
 */
import 'reflect-metadata';
import { AuthUser, CurrentUser, JwtAuthGuard, JwtVerificationModule } from '@finstack/auth';
import { ConfigModule, loadEnv } from '@finstack/config';
import { ListTransactionsQuery, TransactionPage } from '@finstack/contracts';
import { DatabaseModule } from '@finstack/database';
import { Controller, Get, Module, Query, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttpApp } from '../../apps/gateway/src/http/configure-http-app';
import { ledgerStorage } from '../../apps/trx-crud/src/ledger-storage';
import { TransactionListService } from '../../apps/trx-crud/src/transactions/transaction-list.service';
import { TrxCrudEnv } from '../../apps/trx-crud/src/trx-crud-env';

@UseGuards(JwtAuthGuard)
@Controller('transactions')
class InProcessTransactionsController {
  constructor(private readonly transactions: TransactionListService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListTransactionsQuery): Promise<TransactionPage> {
    return this.transactions.list(user.userId, query);
  }
}

@Module({
  imports: [
    ConfigModule.forRoot(TrxCrudEnv),
    DatabaseModule.forRoot(TrxCrudEnv, (env) => ({ ...ledgerStorage(env), migrationsRun: false })),
    JwtVerificationModule.register({
      publicKey: process.env.JWT_PUBLIC_KEY ?? '',
      issuer: process.env.JWT_ISSUER ?? 'finstack',
    }),
  ],
  controllers: [InProcessTransactionsController],
  providers: [TransactionListService],
})
class InProcessListModule {}

async function main(): Promise<void> {
  loadEnv(TrxCrudEnv);
  const app = await NestFactory.create<NestExpressApplication>(InProcessListModule, {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  configureHttpApp(app, { trustProxyHops: 0 });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
