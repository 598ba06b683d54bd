import { dataSourceOptions, TransactionRunner } from '@finstack/database';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { IDENTITY_MIGRATIONS } from '../migrations';
import { IDENTITY_ENTITIES } from './identity.entities';

export interface IdentityDatabase {
  dataSource: DataSource;
  transactions: TransactionRunner;
  close(): Promise<void>;
}

/** A real SQLite identity schema in a fresh temp dir, built by the real migrations. */
export async function openIdentityDatabase(): Promise<IdentityDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'finstack-identity-'));
  const dataSource = new DataSource(
    dataSourceOptions({
      dataDir,
      schema: 'identity',
      entities: IDENTITY_ENTITIES,
      migrations: IDENTITY_MIGRATIONS,
      migrationsRun: true,
    }),
  );
  await dataSource.initialize();
  return {
    dataSource,
    transactions: new TransactionRunner(dataSource),
    close: async () => {
      await dataSource.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
