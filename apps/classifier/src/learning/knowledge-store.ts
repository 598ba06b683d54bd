import { TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ExampleChange } from './example-change';
import { KnowledgeCache } from './knowledge-cache';
import { LearnedExampleEntity } from './learned-example.entity';
import { LearningVersionEntity } from './learning-version.entity';
import { exampleKey, normaliseExample, NormalisedExample } from './normalised-example';
import { UserKnowledge } from './user-knowledge';

/** Rows per statement, well within the bound-parameter limits of SQLite and MySQL. */
const CHUNK = 200;

/** Bounds the memory of the set of users known to have a version row; once full it starts over. */
const MAX_KNOWN_VERSIONED = 100_000;

interface Delta {
  example: NormalisedExample;
  categoryId: string;
  times: number;
}

interface PendingChange extends Delta {
  key: string;
}

/**
 * Keeps each user's knowledge in memory once loaded, and their examples in
 * the database, changed incrementally. A version row, bumped in the same
 * transaction as every change, tells whether the copy in memory is current:
 * another replica may have learned meanwhile, and then the user is loaded
 * again, from this service's own tables only.
 */
@Injectable()
export class KnowledgeStore {
  private readonly cache = new KnowledgeCache();
  private readonly loading = new Map<string, Promise<UserKnowledge>>();
  private readonly versioned = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TransactionRunner,
  ) {}

  async forUser(userId: string): Promise<UserKnowledge> {
    return (await this.forUsers([userId])).get(userId)!;
  }

  /** Several users' knowledge, their versions read in one query (a batch of new transactions). */
  async forUsers(userIds: readonly string[]): Promise<Map<string, UserKnowledge>> {
    const rows = await this.dataSource.manager.find(LearningVersionEntity, {
      where: { userId: In([...userIds]) },
      select: { userId: true, version: true },
    });
    const versions = new Map(rows.map((row) => [row.userId, row.version]));
    return new Map(await Promise.all(userIds.map(async (userId) => [userId, await this.current(userId, versions.get(userId) ?? 0)] as const)));
  }

  /** The copy in memory if it is at `version`, else loaded afresh. */
  private current(userId: string, version: number): Promise<UserKnowledge> {
    const cached = this.cache.get(userId);
    if (cached && cached.version === version) return Promise.resolve(cached);
    let pending = this.loading.get(userId);
    if (!pending) {
      // Concurrent requests of one user in this process share one load.
      pending = this.load(userId).finally(() => this.loading.delete(userId));
      this.loading.set(userId, pending);
    }
    return pending;
  }

  /** Stores the changes and applies them to the copy in memory; returns how many could be learned from. */
  async record(userId: string, changes: readonly ExampleChange[]): Promise<number> {
    const { pending, usable } = mergeChanges(changes);
    if (pending.length === 0) return usable;
    await this.ensureVersionRow(userId);
    const committed = await this.runner.run((manager) => this.write(manager, userId, pending));
    const cached = this.cache.get(userId);
    if (cached && cached.version === committed.version - 1) {
      for (const delta of committed.deltas) cached.learn(delta.example, delta.categoryId, delta.times);
      cached.version = committed.version;
      this.cache.resized(userId);
    } else {
      this.cache.delete(userId); // it missed another change: load afresh when next needed
    }
    return usable;
  }

  private async load(userId: string): Promise<UserKnowledge> {
    const { version, rows } = await this.runner.run(async (manager) => ({
      version: await storedVersion(manager, userId),
      rows: await manager.find(LearnedExampleEntity, { where: { userId } }),
    }));
    const knowledge = new UserKnowledge(version);
    for (const row of rows) knowledge.learn({ description: row.description, merchant: row.merchant }, row.categoryId, row.times);
    this.cache.set(userId, knowledge);
    return knowledge;
  }

  /**
   * Creates the user's version row in a transaction of its own: inside the
   * learning transaction, concurrent first inserts would hold shared locks
   * on the row and deadlock when each then bumps it.
   */
  private async ensureVersionRow(userId: string): Promise<void> {
    if (this.versioned.has(userId)) return;
    await this.runner.run((manager) =>
      manager
        .createQueryBuilder()
        .insert()
        .into(LearningVersionEntity)
        .values({ userId, version: 0, updatedAt: new Date() })
        .orIgnore()
        .execute(),
    );
    if (this.versioned.size >= MAX_KNOWN_VERSIONED) this.versioned.clear();
    this.versioned.add(userId);
  }

  private async write(
    manager: EntityManager,
    userId: string,
    changes: readonly PendingChange[],
  ): Promise<{ version: number; deltas: Delta[] }> {
    const now = new Date();
    // Bumping the version first locks the user's row: one user's learning is serialised across replicas.
    await manager
      .createQueryBuilder()
      .update(LearningVersionEntity)
      .set({ version: () => 'version + 1', updatedAt: now })
      .where({ userId })
      .execute();
    const version = await storedVersion(manager, userId);

    const keys = [...new Set(changes.map((change) => change.key))];
    const before = new Map<string, number>();
    for (const part of chunks(keys)) {
      for (const row of await manager.findBy(LearnedExampleEntity, { userId, exampleKey: In(part) })) {
        before.set(`${row.exampleKey}/${row.categoryId}`, row.times);
      }
    }
    const deltas: Delta[] = [];
    const kept: LearnedExampleEntity[] = [];
    for (const change of changes) {
      const was = before.get(`${change.key}/${change.categoryId}`) ?? 0;
      const times = Math.max(0, was + change.times);
      if (times === was) continue;
      deltas.push({ example: change.example, categoryId: change.categoryId, times: times - was });
      const row = { userId, exampleKey: change.key, categoryId: change.categoryId, ...change.example, times, updatedAt: now };
      if (times > 0) kept.push(row);
      else await manager.delete(LearnedExampleEntity, { userId, exampleKey: change.key, categoryId: change.categoryId });
    }
    for (const part of chunks(kept)) await manager.upsert(LearnedExampleEntity, part, ['userId', 'exampleKey', 'categoryId']);
    return { version, deltas };
  }
}

async function storedVersion(manager: EntityManager, userId: string): Promise<number> {
  const row = await manager.findOne(LearningVersionEntity, { where: { userId }, select: { version: true } });
  return row?.version ?? 0;
}

/**
 * Normalised, with changes to the same example and category added up; lines
 * with nothing to learn from dropped. `usable` counts the changes kept.
 */
function mergeChanges(changes: readonly ExampleChange[]): { pending: PendingChange[]; usable: number } {
  const merged = new Map<string, PendingChange>();
  let usable = 0;
  for (const change of changes) {
    const example = normaliseExample(change.description, change.merchant);
    if (!example || change.times === 0) continue;
    usable += 1;
    const key = exampleKey(example);
    const categoryId = change.categoryId.toLowerCase();
    const id = `${key}/${categoryId}`;
    const existing = merged.get(id);
    if (existing) existing.times += change.times;
    else merged.set(id, { key, example, categoryId, times: change.times });
  }
  return { pending: [...merged.values()], usable };
}

function chunks<T>(items: readonly T[]): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) parts.push(items.slice(start, start + CHUNK));
  return parts;
}
