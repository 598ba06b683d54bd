import { freshMysqlDatabase } from '@finstack/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ClusterChore } from './cluster-chore';
import { runUnderNamedLock } from './named-lock';

describe('runUnderNamedLock and ClusterChore', () => {
  describe('on MySQL, two replicas', () => {
    let replicas: DataSource[];
    beforeAll(async () => {
      const url = await freshMysqlDatabase('named_lock_spec');
      replicas = await Promise.all([1, 2].map(() => new DataSource({ type: 'mysql', url }).initialize()));
    });
    afterAll(() => Promise.all(replicas.map((replica) => replica.destroy())));

    it('lets one replica do the chore while the other skips it, and the other take it once the lock is free', async () => {
      const [first, second] = replicas as [DataSource, DataSource];
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      const done: string[] = [];
      const holding = runUnderNamedLock(first, 'purge', async () => {
        done.push('first');
        await finished;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await runUnderNamedLock(second, 'purge', async () => void done.push('second'))).toBe(false);
      // Another chore's lock is another name.
      expect(await runUnderNamedLock(second, 'other-chore', async () => void done.push('other'))).toBe(true);
      finish();
      expect(await holding).toBe(true);
      expect(await runUnderNamedLock(second, 'purge', async () => void done.push('second'))).toBe(true);
      expect(done).toEqual(['first', 'other', 'second']);
    });

    it('frees the lock when the chore fails, and a ClusterChore logs the failure instead of throwing', async () => {
      const [first, second] = replicas as [DataSource, DataSource];
      const warnings: string[] = [];
      const chore = new ClusterChore(first, {
        name: 'failing-purge',
        intervalMs: 60_000,
        work: async () => {
          throw new Error('deadlock found');
        },
        logger: { log: () => undefined, warn: (message) => warnings.push(message) },
      });
      expect(await chore.runOnce()).toBe(false);
      expect(warnings).toEqual([expect.stringContaining('failing-purge failed, tried again in 60 s: deadlock found')]);
      expect(await runUnderNamedLock(second, 'failing-purge', async () => undefined)).toBe(true);
    });
  });

  it('always runs on SQLite, where one process owns the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'named-lock-'));
    const source = await new DataSource({ type: 'better-sqlite3', database: join(dir, 'db.sqlite') }).initialize();
    try {
      const logged: string[] = [];
      const chore = new ClusterChore(source, { name: 'purge', intervalMs: 1000, work: async () => 'deleted 3 rows', logger: { log: (m) => logged.push(m), warn: () => undefined } });
      expect(await chore.runOnce()).toBe(true);
      expect(logged).toEqual(['purge: deleted 3 rows']);
    } finally {
      await source.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
