import { ConfigModule } from '@finstack/config';
import { HealthRpcController, SERVICE_NAME } from '@finstack/rpc';
import { LifecycleModule } from '@finstack/lifecycle';
import { MetricsModule } from '@finstack/metrics';
import { Module } from '@nestjs/common';
import { CashflowModule } from './cashflow/cashflow.module';
import { ReportEnv } from './report-env';
import { ScoringModule } from './scoring/scoring.module';
import { SummaryModule } from './summary/summary.module';

/** Stateless: no database; stored figures come from the ledger's aggregates. */
@Module({
  imports: [
    ConfigModule.forRoot(ReportEnv),
    MetricsModule.forRoot('report'),
    LifecycleModule.forRoot({ settingsClass: ReportEnv, database: false, opsListener: (env) => ({ host: env.REPORT_HOST, defaultPort: 9103 }) }),
    ScoringModule,
    SummaryModule,
    CashflowModule,
  ],
  controllers: [HealthRpcController],
  providers: [{ provide: SERVICE_NAME, useValue: 'report' }],
})
export class AppModule {}
