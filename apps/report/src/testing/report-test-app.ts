import { ConfigModule, loadEnv } from '@finstack/config';
import { rpcClientToken } from '@finstack/rpc';
import { ConsoleLogger, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { v4 as uuidv4 } from 'uuid';
import { CashflowModule } from '../cashflow/cashflow.module';
import { Clock } from '../common/clock';
import { LEDGER_SERVICE } from '../ledger/ledger-client';
import { ReportEnv } from '../report-env';
import { SummaryModule } from '../summary/summary.module';
import { FakeLedger } from './fake-ledger';

export interface ReportTestApp {
  get<T>(type: Type<T>): T;
  ledger: FakeLedger;
  close(): Promise<void>;
}

/** The report's feature modules with an in-memory ledger in place of the TCP client, on a fixed today. */
export async function createReportTestApp(today = '2025-06-15'): Promise<ReportTestApp> {
  const ledger = new FakeLedger();
  const module = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(ReportEnv, loadEnv(ReportEnv, { NODE_ENV: 'test' })), SummaryModule, CashflowModule],
  })
    .overrideProvider(rpcClientToken(LEDGER_SERVICE))
    .useValue(ledger)
    .overrideProvider(Clock)
    .useValue({ today: () => today })
    .setLogger(new ConsoleLogger({ logLevels: ['fatal'] }))
    .compile();
  await module.init();
  return { get: (type) => module.get(type), ledger, close: () => module.close() };
}

/** A user nobody else uses. */
export const newUserId = (): string => uuidv4();
