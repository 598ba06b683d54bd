import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the embedded SQLite file', () => {
  const open = async (dataDir: string) => {
    const source = new DataSource(
      dataSourceOptions({ dataDir, schema: 'ledger', entities: [], migrations: [], migrationsRun: false }),
    );
    await source.initialize();
    await source.query('CREATE TABLE IF NOT EXISTS t (x INTEGER)');
    return source;
  };

  it('is readable by its owner only (0600) when created, and its WAL files with it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sqlite-mode-'));
    const source = await open(dataDir);
    expect(modeOf(join(dataDir, 'ledger.sqlite')).toString(8)).toBe('600');
    expect(modeOf(join(dataDir, 'ledger.sqlite-wal')).toString(8)).toBe('600');
    await source.destroy();
  });

  it('is made 0600 when it already existed with a looser mode', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sqlite-mode-'));
    const file = join(dataDir, 'ledger.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const source = await open(dataDir);
    expect(modeOf(file).toString(8)).toBe('600');
    await source.destroy();
  });
});
