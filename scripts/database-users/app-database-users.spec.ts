import { createConnection, Connection } from 'mysql2/promise';
import { appDatabaseUsersFrom, provisionAppDatabaseUsers } from './app-database-users';

const server = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const prefix = (process.env.TEST_DB_PREFIX ?? '') + 'dbusers_';
const ledger = { user: `${prefix}ledger`, password: 'ledger-Pa55-first', schema: `${prefix}ledger_s` };
const identity = { user: `${prefix}identity`, password: 'identity-Pa55-first', schema: `${prefix}identity_s` };
const serverUrl = new URL(server);

/** A connection as one app's user, the way the app connects. */
function connectAs(user: string, password: string, schema?: string): Promise<Connection> {
  return createConnection({ host: serverUrl.hostname, port: Number(serverUrl.port || 3306), user, password, database: schema });
}

describe('the apps’ own database users (the one-off provisioning task)', () => {
  let admin: Connection;

  beforeAll(async () => {
    admin = await createConnection(server);
    await dropAll();
  });

  afterAll(async () => {
    await dropAll();
    await admin.end();
  });

  async function dropAll(): Promise<void> {
    for (const { user, schema } of [ledger, identity]) {
      await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
      await admin.query(`DROP DATABASE IF EXISTS \`${schema}\``);
    }
  }

  it('gives each app every right on its own schema and none on another app’s', async () => {
    await provisionAppDatabaseUsers(admin, [ledger, identity], { requireTls: false });
    await admin.query(`CREATE TABLE \`${identity.schema}\`.users (email VARCHAR(100))`);

    const asLedger = await connectAs(ledger.user, ledger.password, ledger.schema);
    try {
      await asLedger.query('CREATE TABLE t (id INT PRIMARY KEY)'); // its migrations run as itself
      await asLedger.query('INSERT INTO t VALUES (1)');
      const denied = { code: expect.stringMatching(/ACCESS_DENIED/) };
      await expect(asLedger.query(`SELECT email FROM \`${identity.schema}\`.users`)).rejects.toMatchObject(denied);
      await expect(asLedger.query(`CREATE TABLE \`${identity.schema}\`.stolen (x INT)`)).rejects.toMatchObject(denied);
      await expect(asLedger.query('SELECT user FROM mysql.user')).rejects.toMatchObject(denied);
    } finally {
      await asLedger.end();
    }
    await expect(connectAs(ledger.user, ledger.password, identity.schema)).rejects.toMatchObject({ code: 'ER_DBACCESS_DENIED_ERROR' });
  });

  it('sets a rotated password on the next run, keeping the schema’s data', async () => {
    await provisionAppDatabaseUsers(admin, [{ ...ledger, password: 'ledger-Pa55-second' }], { requireTls: false });
    await expect(connectAs(ledger.user, ledger.password, ledger.schema)).rejects.toMatchObject({ code: 'ER_ACCESS_DENIED_ERROR' });
    const rotated = await connectAs(ledger.user, 'ledger-Pa55-second', ledger.schema);
    await expect(rotated.query('SELECT id FROM t')).resolves.toEqual([[{ id: 1 }], expect.anything()]);
    await rotated.end();
  });

  it('reads the users and their passwords from the task’s environment, and names what is missing', () => {
    expect(
      appDatabaseUsersFrom({ APP_DATABASE_USERS: 'ledger_app:ledger, identity_app:identity', LEDGER_APP_PASSWORD: 'a', IDENTITY_APP_PASSWORD: 'b' }),
    ).toEqual([
      { user: 'ledger_app', password: 'a', schema: 'ledger' },
      { user: 'identity_app', password: 'b', schema: 'identity' },
    ]);
    expect(() => appDatabaseUsersFrom({ APP_DATABASE_USERS: 'ledger_app:ledger' })).toThrow('LEDGER_APP_PASSWORD is not set');
    expect(() => appDatabaseUsersFrom({ APP_DATABASE_USERS: "x'; DROP USER root; --:ledger", X_PASSWORD: 'a' })).toThrow(/is not user:schema/);
    expect(() => appDatabaseUsersFrom({})).toThrow(/APP_DATABASE_USERS is empty/);
  });
});
