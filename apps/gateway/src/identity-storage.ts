import { StorageSettings } from '@finstack/database';
import { IDENTITY_ENTITIES } from './auth/identity.entities';
import { GatewayEnv } from './gateway-env';
import { IDENTITY_MIGRATIONS } from './migrations';

/** The identity schema (accounts, sessions and the outbox), for the running gateway and for its database specs alike. */
export function identityStorage(env: GatewayEnv): StorageSettings {
  return {
    databaseUrl: env.DATABASE_URL,
    tls: env.DATABASE_TLS,
    dataDir: env.DATA_DIR,
    schema: 'identity',
    entities: IDENTITY_ENTITIES,
    migrations: IDENTITY_MIGRATIONS,
    migrationsRun: env.MIGRATIONS_RUN,
  };
}
