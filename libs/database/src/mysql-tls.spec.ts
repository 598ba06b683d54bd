import { X509Certificate } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, mysqlTls } from './data-source-options';

const serverUrl = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

describe('TLS to MySQL (DATABASE_TLS)', () => {
  it('trusts only the Amazon RDS certificate authorities under `rds`, and always checks the server', () => {
    const tls = mysqlTls('rds')!;
    expect(tls.rejectUnauthorized).toBe(true);
    expect(tls.ca.length).toBeGreaterThan(10);
    const issuers = tls.ca.map((pem) => new X509Certificate(pem).subject);
    // RDS's own roots, and Amazon Trust Services' (with the Starfield root they chain to): no other public CA.
    for (const subject of issuers) expect(subject).toMatch(/Amazon|Starfield/);
    expect(issuers.some((subject) => /Amazon RDS .*Root/.test(subject))).toBe(true);
  });

  it('adds nothing under `off`', () => {
    expect(mysqlTls('off')).toBeUndefined();
    expect(mysqlTls(undefined)).toBeUndefined();
  });

  // The test server speaks no TLS (compose's and the tests' MariaDB): a client set to `rds` must refuse it
  // rather than carry on in plain text, which is what would leak a password to a spoofed endpoint.
  it('refuses to talk to a server that cannot prove it is RDS, instead of falling back to plain text', async () => {
    const source = new DataSource(
      dataSourceOptions({ databaseUrl: serverUrl, dataDir: '.', schema: 'tls_check', entities: [], migrations: [], migrationsRun: false, tls: 'rds' }),
    );
    await expect(source.initialize()).rejects.toThrow(/secure connection|SSL|TLS|certificate/i);
    const plain = new DataSource(
      dataSourceOptions({ databaseUrl: serverUrl, dataDir: '.', schema: 'tls_check', entities: [], migrations: [], migrationsRun: false, tls: 'off' }),
    );
    await plain.initialize();
    await expect(plain.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    await plain.destroy();
  });
});
