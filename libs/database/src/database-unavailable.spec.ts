import { mysqlServerUrl } from '@finstack/testing';
import { createConnection } from 'mysql2/promise';
import { createServer } from 'node:net';
import { DataSource, QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

/** A port nobody listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const failureOf = (work: () => Promise<unknown>) =>
  work().then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

describe('isDatabaseUnavailable', () => {
  it('knows a server that refuses the connection', async () => {
    const port = await closedPort();
    const error = await failureOf(() => createConnection({ host: '127.0.0.1', port, user: 'root' }));
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('knows a connection the server dropped in the middle of a transaction (TypeORM-wrapped)', async () => {
    const source = new DataSource({ type: 'mysql', url: mysqlServerUrl() });
    await source.initialize();
    const transaction = source.createQueryRunner();
    try {
      await transaction.startTransaction();
      const [{ id }] = (await transaction.query('SELECT CONNECTION_ID() AS id')) as Array<{ id: number }>;
      const killer = await createConnection(mysqlServerUrl());
      await killer.query(`KILL ${Number(id)}`);
      await killer.end();
      const error = await failureOf(() => transaction.query('SELECT 1'));
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await transaction.release();
      await source.destroy();
    }
  });

  it('does not take a bad query for an outage', async () => {
    const source = new DataSource({ type: 'mysql', url: mysqlServerUrl() });
    await source.initialize();
    try {
      const error = await failureOf(() => source.query('SELECT * FROM no_such_table_here'));
      expect(error).toBeInstanceOf(QueryFailedError);
      expect(isDatabaseUnavailable(error)).toBe(false);
    } finally {
      await source.destroy();
    }
  });
});
