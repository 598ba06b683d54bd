import { CommonEnv, loadEnv } from '@finstack/config';
import { dataSourceOptions } from '@finstack/database';
import { backendFromEnv, freshMysqlDatabase, mysqlServerUrl, queryMysql, tempDataDir } from '@finstack/testing';
import { DataSource } from 'typeorm';

const backend = backendFromEnv();
const USER = 'finstack_password_e2e';
/** The kind of password Secrets Manager generates, with the characters a URL would choke on. */
const PASSWORD = 'Pa55:w@rd/%#?!&=+';

/**
 * An app given DATABASE_URL without a password and DATABASE_PASSWORD on its own
 * (as ECS hands over a Secrets Manager value) connects to MariaDB as that user.
 */
(backend === 'mysql' ? describe : describe.skip)('DATABASE_PASSWORD on MariaDB', () => {
  const dataDir = tempDataDir();
  let schemaUrl: string;
  let schema: string;
  let urlWithoutPassword: string;

  beforeAll(async () => {
    schemaUrl = await freshMysqlDatabase('password_override_e2e');
    schema = new URL(schemaUrl).pathname.slice(1);
    const server = new URL(mysqlServerUrl());
    for (const host of ['127.0.0.1', 'localhost']) {
      await queryMysql(schemaUrl, `DROP USER IF EXISTS '${USER}'@'${host}'`);
      await queryMysql(schemaUrl, `CREATE USER '${USER}'@'${host}' IDENTIFIED BY ?`, [PASSWORD]);
      await queryMysql(schemaUrl, `GRANT ALL PRIVILEGES ON \`${schema}\`.* TO '${USER}'@'${host}'`);
    }
    urlWithoutPassword = `mysql://${USER}@${server.host}/${schema}`;
  });
  afterAll(async () => {
    for (const host of ['127.0.0.1', 'localhost']) await queryMysql(schemaUrl, `DROP USER IF EXISTS '${USER}'@'${host}'`);
    dataDir.remove();
  });

  async function connect(env: Record<string, string>): Promise<DataSource> {
    const settings = loadEnv(CommonEnv, env);
    const dataSource = new DataSource(
      dataSourceOptions({ databaseUrl: settings.DATABASE_URL, dataDir: dataDir.path, schema: 'password_e2e', entities: [], migrations: [], migrationsRun: false }),
    );
    return dataSource.initialize();
  }

  it('connects as the URL’s user with the password from DATABASE_PASSWORD', async () => {
    const dataSource = await connect({ DATABASE_URL: urlWithoutPassword, DATABASE_PASSWORD: PASSWORD });
    try {
      const [row] = await dataSource.query('SELECT CURRENT_USER() AS user, DATABASE() AS db');
      expect(row.user).toMatch(new RegExp(`^${USER}@`));
      expect(row.db).toBe(schema);
    } finally {
      await dataSource.destroy();
    }
  });

  it('is refused without it', async () => {
    await expect(connect({ DATABASE_URL: urlWithoutPassword })).rejects.toThrow(/Access denied/);
  });
});
