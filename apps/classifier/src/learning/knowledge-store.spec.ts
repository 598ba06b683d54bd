import { TransactionRunner } from '@finstack/database';
import { createClassifierTestApp, ClassifierTestApp, newUserId } from '../testing/classifier-test-app';
import { KnowledgeStore } from './knowledge-store';
import { LearnedExampleEntity } from './learned-example.entity';

describe('KnowledgeStore', () => {
  let app: ClassifierTestApp;
  let store: KnowledgeStore;
  let user: string;

  beforeAll(async () => {
    app = await createClassifierTestApp();
    store = app.get(KnowledgeStore);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
  });

  /** Another replica of the service: same database, its own memory. */
  const replica = () => new KnowledgeStore(app.dataSource, app.get(TransactionRunner));
  const tesco = { description: 'POS TESCO STORES 3297 LONDON', categoryId: 'aaaaaaaa-0000-4000-8000-000000000001' };
  const shell = { description: 'SHELL OXFORD ST', categoryId: 'aaaaaaaa-0000-4000-8000-000000000002' };
  const isAny = () => true;

  it('stores each normalised example once, with how many times it was chosen', async () => {
    expect(await store.record(user, [{ ...tesco, times: 1 }, { ...tesco, description: 'TESCO STORES 0042 12/03', times: 1 }])).toBe(2);
    const rows = await app.dataSource.manager.findBy(LearnedExampleEntity, { userId: user });
    expect(rows).toEqual([expect.objectContaining({ description: 'tesco stores', merchant: null, times: 2, categoryId: tesco.categoryId })]);
  });

  it('counts nothing to learn from a line of only numbers and dates', async () => {
    expect(await store.record(user, [{ description: '12/03/2025 #1234', categoryId: tesco.categoryId, times: 1 }])).toBe(0);
  });

  it('keeps the copy in memory current after learning, without loading again', async () => {
    const before = await store.forUser(user);
    await store.record(user, [{ ...tesco, times: 2 }]);
    const after = await store.forUser(user);
    expect(after).toBe(before);
    expect(after.memory.decide('tesco stores', isAny)?.categoryId).toBe(tesco.categoryId);
  });

  it('loads what was learned from its own tables in a fresh process', async () => {
    await store.record(user, [{ ...tesco, times: 2 }, { ...shell, times: 1 }]);
    const loaded = await replica().forUser(user);
    expect(loaded.choices).toBe(3);
    expect(loaded.memory.decide('tesco stores', isAny)).toEqual({ categoryId: tesco.categoryId, times: 2, total: 2 });
  });

  it('notices that another replica learned meanwhile', async () => {
    const other = replica();
    expect((await store.forUser(user)).choices).toBe(0);
    await other.record(user, [{ ...tesco, times: 1 }]);
    expect((await store.forUser(user)).choices).toBe(1);
  });

  it('keeps every change when replicas learn for one user at once', async () => {
    const replicas = [store, replica(), replica()];
    await Promise.all(
      Array.from({ length: 9 }, (_, index) => replicas[index % 3].record(user, [{ ...tesco, times: 1 }, { ...shell, times: 1 }])),
    );
    const rows = await app.dataSource.manager.findBy(LearnedExampleEntity, { userId: user });
    expect(rows.map((row) => row.times)).toEqual([9, 9]);
    expect((await store.forUser(user)).choices).toBe(18);
  });

  it('forgets an example, removing its row once it counts for nothing', async () => {
    await store.record(user, [{ ...shell, times: 1 }]);
    await store.record(user, [{ ...shell, times: -1 }, { ...shell, times: -1 }]);
    expect(await app.dataSource.manager.countBy(LearnedExampleEntity, { userId: user })).toBe(0);
    expect((await store.forUser(user)).choices).toBe(0);
    expect((await replica().forUser(user)).choices).toBe(0);
  });

  it('keeps each user’s knowledge to themselves', async () => {
    await store.record(user, [{ ...tesco, times: 5 }]);
    const stranger = await store.forUser(newUserId());
    expect(stranger.choices).toBe(0);
    expect(stranger.memory.decide('tesco stores', isAny)).toBeUndefined();
  });
});
