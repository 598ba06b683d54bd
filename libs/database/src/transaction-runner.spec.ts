import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionRunner } from './transaction-runner';

describe('TransactionRunner', () => {
  beforeAll(() => Logger.overrideLogger(false)); // retries log warnings by design
  describe('on SQLite, where TypeORM shares one connection', () => {
    let dir: string;
    let dataSource: DataSource;
    let runner: TransactionRunner;

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'runner-'));
      dataSource = await new DataSource({ type: 'better-sqlite3', database: join(dir, 'db.sqlite') }).initialize();
      await dataSource.query('CREATE TABLE notes (text TEXT NOT NULL)');
      runner = new TransactionRunner(dataSource);
    });
    afterEach(async () => {
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    });

    const texts = async () => (await dataSource.query('SELECT text FROM notes ORDER BY text')).map((r: { text: string }) => r.text);
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

    it("does not let one transaction's rollback undo a neighbour's committed write", async () => {
      const failing = runner.run(async (manager) => {
        await manager.query("INSERT INTO notes VALUES ('doomed')");
        await pause(); // the neighbour would slip in here without the queue
        throw new Error('use case failed');
      });
      const succeeding = runner.run((manager) => manager.query("INSERT INTO notes VALUES ('kept')"));
      await expect(failing).rejects.toThrow('use case failed');
      await succeeding;
      expect(await texts()).toEqual(['kept']);
    });

    it('keeps working after a failed transaction', async () => {
      await expect(runner.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      await runner.run((manager) => manager.query("INSERT INTO notes VALUES ('after')"));
      expect(await texts()).toEqual(['after']);
    });
  });

  describe('on MySQL', () => {
    const deadlock = Object.assign(new Error('Deadlock found when trying to get lock'), { code: 'ER_LOCK_DEADLOCK' });

    function mysqlLike(failures: unknown[]): { dataSource: DataSource; attempts: () => number } {
      let attempts = 0;
      const dataSource = {
        options: { type: 'mysql' },
        transaction: async <T>(work: (manager: EntityManager) => Promise<T>) => {
          attempts += 1;
          const failure = failures.shift();
          if (failure) throw failure;
          return work({} as EntityManager);
        },
      } as unknown as DataSource;
      return { dataSource, attempts: () => attempts };
    }

    it('runs a deadlock victim again', async () => {
      const { dataSource, attempts } = mysqlLike([deadlock]);
      await expect(new TransactionRunner(dataSource).run(async () => 'done')).resolves.toBe('done');
      expect(attempts()).toBe(2);
    });

    it('gives up after three deadlocks, and never retries other errors', async () => {
      const stuck = mysqlLike([deadlock, deadlock, deadlock, deadlock]);
      await expect(new TransactionRunner(stuck.dataSource).run(async () => 'done')).rejects.toThrow('Deadlock');
      expect(stuck.attempts()).toBe(3);
      const other = mysqlLike([new Error('syntax error')]);
      await expect(new TransactionRunner(other.dataSource).run(async () => 'done')).rejects.toThrow('syntax');
      expect(other.attempts()).toBe(1);
    });
  });
});
