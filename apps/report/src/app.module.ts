import { ConfigModule } from '@finstack/config';
import { HealthRpcController, SERVICE_NAME } from '@finstack/rpc';
import { Module } from '@nestjs/common';
import { CashflowModule } from './cashflow/cashflow.module';
import { ReportEnv } from './report-env';
import { ScoringModule } from './scoring/scoring.module';
import { SummaryModule } from './summary/summary.module';

/** Stateless: no database; stored figures come from the ledger's aggregates. */
@Module({
  imports: [ConfigModule.forRoot(ReportEnv), ScoringModule, SummaryModule, CashflowModule],
  controllers: [HealthRpcController],
  providers: [{ provide: SERVICE_NAME, useValue: 'report' }],
})
export class AppModule {}
