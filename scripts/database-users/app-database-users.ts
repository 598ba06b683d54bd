/**
 * Each app connects to MySQL as a user of its own, with rights on its own
 * schema only, so that a taken-over task cannot read or change another app's
 * data. These users are made (and their passwords set anew, for rotation) by
 * a one-off task that alone holds the master credentials.
 */
export interface AppDatabaseUser {
  user: string;
  password: string;
  /** The schema (MySQL database) it owns. */
  schema: string;
}

/** What a statement runner must do: mysql2's `query`, which escapes the values into the text. */
export interface StatementRunner {
  query(sql: string, values?: unknown[]): Promise<unknown>;
}

const NAME = /^[a-z][a-z0-9_]{0,31}$/;

/**
 * `identity_app:identity,ledger_app:ledger` and each user's password from
 * `<USER>_PASSWORD` (IDENTITY_APP_PASSWORD): ECS hands each over from its app's secret.
 */
export function appDatabaseUsersFrom(env: NodeJS.ProcessEnv): AppDatabaseUser[] {
  const listed = (env.APP_DATABASE_USERS ?? '').split(',').filter((entry) => entry.trim() !== '');
  if (listed.length === 0) throw new Error('APP_DATABASE_USERS is empty: name the users as user:schema,user:schema');
  return listed.map((entry) => {
    const [user = '', schema = ''] = entry.trim().split(':');
    if (!NAME.test(user) || !NAME.test(schema)) throw new Error(`APP_DATABASE_USERS: "${entry}" is not user:schema (lower-case letters, digits, _)`);
    const password = env[`${user.toUpperCase()}_PASSWORD`];
    if (!password) throw new Error(`${user.toUpperCase()}_PASSWORD is not set`);
    return { user, password, schema };
  });
}

/**
 * Creates each schema and user if missing, sets the user's password (so a
 * rotated secret takes effect on the next run) and grants it its own schema.
 * With `requireTls` the server refuses the user any connection without TLS.
 */
export async function provisionAppDatabaseUsers(
  runner: StatementRunner,
  users: AppDatabaseUser[],
  options: { requireTls: boolean },
): Promise<void> {
  const tls = options.requireTls ? ' REQUIRE SSL' : '';
  for (const { user, password, schema } of users) {
    if (!NAME.test(user) || !NAME.test(schema)) throw new Error(`unsafe user or schema name: ${user}, ${schema}`);
    await runner.query(`CREATE DATABASE IF NOT EXISTS \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await runner.query(`CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY ?${tls}`, [password]);
    await runner.query(`ALTER USER '${user}'@'%' IDENTIFIED BY ?${tls}`, [password]);
    await runner.query(`GRANT ALL PRIVILEGES ON \`${schema}\`.* TO '${user}'@'%'`);
  }
}
