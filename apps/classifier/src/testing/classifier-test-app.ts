import { ConfigModule, loadEnv } from '@finstack/config';
import { DatabaseModule } from '@finstack/database';
import { rpcClientToken } from '@finstack/rpc';
import { ConsoleLogger, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { v4 as uuidv4 } from 'uuid';
import { ClassificationModule } from '../classification/classification.module';
import { ClassifierEnv } from '../classifier-env';
import { classifierStorage } from '../classifier-storage';
import { LearningModule } from '../learning/learning.module';
import { LEDGER_SERVICE } from '../ledger/ledger-client';
import { RulesModule } from '../rules/rules.module';
import { FakeLedger } from './fake-ledger';

export interface ClassifierTestApp {
  get<T>(type: Type<T>): T;
  ledger: FakeLedger;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The classifier's feature modules on a real database with the real
 * migrations — a fresh SQLite file, or the MySQL/MariaDB schema named by
 * CLASSIFIER_TEST_DATABASE_URL (run those with --runInBand; tests use their
 * own user ids) — and an in-memory ledger in place of the TCP client.
 */
export async function createClassifierTestApp(): Promise<ClassifierTestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'classifier-test-'));
  const env = loadEnv(ClassifierEnv, {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.CLASSIFIER_TEST_DATABASE_URL,
  });
  const ledger = new FakeLedger();
  const module: TestingModule = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(ClassifierEnv, env),
      DatabaseModule.forRoot(ClassifierEnv, classifierStorage),
      RulesModule,
      LearningModule,
      ClassificationModule,
    ],
  })
    .overrideProvider(rpcClientToken(LEDGER_SERVICE))
    .useValue(ledger)
    .setLogger(new ConsoleLogger({ logLevels: ['fatal'] }))
    .compile();
  await module.init();
  return {
    get: (type) => module.get(type),
    ledger,
    dataSource: module.get<DataSource>(getDataSourceToken()),
    close: async () => {
      await module.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A user nobody else uses, so every test starts from nothing. */
export const newUserId = (): string => uuidv4();
