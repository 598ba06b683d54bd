/**
 * `npm run rotate-keys`: re-wraps every sealed secret's data key under the
 * current key-encryption key (KMS_KEY_ID, LOCAL_KEK, or the newest key in
 * DATA_DIR/keys). The secrets themselves are not decrypted again: only their
 * data keys are unwrapped and wrapped anew (KMS: ReEncrypt, inside KMS).
 *
 *   npm run rotate-keys                       re-wrap under the current key
 *   npm run rotate-keys -- --new-local-key    first add a new key to DATA_DIR/keys and make it current
 *
 * With LOCAL_KEK, set the new key there and the old one in LOCAL_KEK_PREVIOUS,
 * run this, then drop LOCAL_KEK_PREVIOUS. Each schema's database is
 * <SCHEMA>_DATABASE_URL, else DATABASE_URL, else its SQLite file in DATA_DIR.
 *
 * Extension point: a schema with sealed columns adds its SealedColumn
 * descriptors to SEALED_SCHEMAS below.
 */
import 'reflect-metadata';
import { loadEnv } from '@finstack/config';
import { addKeyToDirectory, Envelope, KeyEnv, keyDirectory, keyWrapperFromSettings, rewrapColumn, SealedColumn } from '@finstack/crypto';
import { dataSourceOptions } from '@finstack/database';
import { DataSource } from 'typeorm';
import { TOTP_SECRET_COLUMN } from '../apps/gateway/src/auth/mfa/totp-secret-column';
import { CONNECTION_KEY_COLUMN } from '../apps/portfolio/src/connections/market-connection-rows';

/** Every schema that holds sealed values, and its columns. */
const SEALED_SCHEMAS: { schema: string; columns: SealedColumn[] }[] = [
  { schema: 'identity', columns: [TOTP_SECRET_COLUMN] },
  { schema: 'portfolio', columns: [CONNECTION_KEY_COLUMN] },
];

async function main(): Promise<void> {
  const env = loadEnv(KeyEnv);
  if (process.argv.includes('--new-local-key')) {
    if (env.KMS_KEY_ID || env.LOCAL_KEK) throw new Error('--new-local-key is for DATA_DIR/keys; with KMS_KEY_ID or LOCAL_KEK, change that setting instead');
    addKeyToDirectory(keyDirectory(env.DATA_DIR));
  }
  const keys = keyWrapperFromSettings(env);
  const envelope = new Envelope(keys);
  console.log(`re-wrapping data keys under ${keys.currentKekId}`);
  for (const { schema, columns } of SEALED_SCHEMAS) {
    const databaseUrl = process.env[`${schema.toUpperCase()}_DATABASE_URL`] ?? env.DATABASE_URL;
    const dataSource = new DataSource(
      dataSourceOptions({ databaseUrl, dataDir: env.DATA_DIR, schema, entities: [], migrations: [], migrationsRun: false }),
    );
    await dataSource.initialize();
    try {
      for (const column of columns) {
        const count = await rewrapColumn(dataSource, column, envelope);
        console.log(`${schema}.${count.table}: ${count.rewrapped} re-wrapped, ${count.current} already current`);
      }
    } finally {
      await dataSource.destroy();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
