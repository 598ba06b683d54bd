import { createDatabaseTestApp, DatabaseTestApp } from '@finstack/testing';
import { rpcClientToken } from '@finstack/rpc';
import { v4 as uuidv4 } from 'uuid';
import { ClassificationModule } from '../classification/classification.module';
import { ClassifierEnv } from '../classifier-env';
import { classifierStorage } from '../classifier-storage';
import { LearningModule } from '../learning/learning.module';
import { LEDGER_SERVICE } from '../ledger/ledger-client';
import { RulesModule } from '../rules/rules.module';
import { FakeLedger } from './fake-ledger';

export interface ClassifierTestApp extends DatabaseTestApp {
  ledger: FakeLedger;
}

/**
 * The classifier's feature modules on a real database with the real
 * migrations — a fresh SQLite file, or the MySQL/MariaDB schema named by
 * CLASSIFIER_TEST_DATABASE_URL — and an in-memory ledger in place of the TCP client.
 */
export async function createClassifierTestApp(): Promise<ClassifierTestApp> {
  const ledger = new FakeLedger();
  const app = await createDatabaseTestApp({
    name: 'classifier',
    settingsClass: ClassifierEnv,
    storage: classifierStorage,
    modules: [RulesModule, LearningModule, ClassificationModule],
    databaseUrl: process.env.CLASSIFIER_TEST_DATABASE_URL,
    overrides: [{ token: rpcClientToken(LEDGER_SERVICE), value: ledger }],
  });
  return { ...app, ledger };
}

/** A user nobody else uses, so every test starts from nothing. */
export const newUserId = (): string => uuidv4();
