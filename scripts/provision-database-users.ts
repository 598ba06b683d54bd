/**
 * The one-off task the deployment runs before the apps start (infra/src/database-users.ts):
 * with the master credentials, it makes each app's MySQL user and schema.
 *
 *   DATABASE_URL=mysql://host:3306/ DATABASE_USER=… DATABASE_PASSWORD=… DATABASE_TLS=rds \
 *   APP_DATABASE_USERS=identity_app:identity,… IDENTITY_APP_PASSWORD=… node dist/scripts/provision-database-users.js
 *
 * Prints the users it made, never their passwords.
 */
import 'reflect-metadata';
import { CommonEnv, loadEnv } from '@finstack/config';
import { mysqlTls } from '@finstack/database';
import { createConnection } from 'mysql2/promise';
import { appDatabaseUsersFrom, provisionAppDatabaseUsers } from './database-users/app-database-users';

async function main(): Promise<void> {
  const env = loadEnv(CommonEnv);
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL (the server, with the master user) is required');
  const users = appDatabaseUsersFrom(process.env);
  const connection = await createConnection({ uri: env.DATABASE_URL, ssl: mysqlTls(env.DATABASE_TLS) });
  try {
    await provisionAppDatabaseUsers(connection, users, { requireTls: env.DATABASE_TLS === 'rds' });
  } finally {
    await connection.end();
  }
  for (const { user, schema } of users) console.log(`${user}: all rights on ${schema}, none elsewhere`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
