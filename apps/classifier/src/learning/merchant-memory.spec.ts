import { MerchantMemory } from './merchant-memory';

const any = () => true;

describe('MerchantMemory', () => {
  it('decides once a payee was filed twice under one category', () => {
    const memory = new MerchantMemory();
    memory.record('tesco stores', 'groceries', 1);
    expect(memory.decide('tesco stores', any)).toBeUndefined();
    memory.record('tesco stores', 'groceries', 1);
    expect(memory.decide('tesco stores', any)).toEqual({ categoryId: 'groceries', times: 2, total: 2 });
  });

  it('needs at least 90 % of the manual choices for the payee', () => {
    const memory = new MerchantMemory();
    memory.record('amazon mktp', 'shopping', 8);
    memory.record('amazon mktp', 'entertainment', 1);
    expect(memory.decide('amazon mktp', any)).toBeUndefined(); // 8 of 9 is 89 %
    memory.record('amazon mktp', 'shopping', 1);
    expect(memory.decide('amazon mktp', any)).toEqual({ categoryId: 'shopping', times: 9, total: 10 });
  });

  it('forgets a corrected choice', () => {
    const memory = new MerchantMemory();
    memory.record('shell', 'groceries', 1);
    memory.record('shell', 'transport', 2);
    expect(memory.decide('shell', any)).toBeUndefined();
    memory.record('shell', 'groceries', -1);
    expect(memory.decide('shell', any)?.categoryId).toBe('transport');
    expect(memory.choices('shell', any)).toEqual([{ categoryId: 'transport', times: 2, total: 2 }]);
  });

  it('chooses only among allowed categories, but counts every choice in the share', () => {
    const memory = new MerchantMemory();
    memory.record('netflix com', 'deleted', 5);
    memory.record('netflix com', 'entertainment', 5);
    expect(memory.decide('netflix com', (id) => id !== 'deleted')).toBeUndefined();
    expect(memory.choices('netflix com', (id) => id !== 'deleted')).toEqual([
      { categoryId: 'entertainment', times: 5, total: 10 },
    ]);
  });

  it('knows nothing of an empty payee', () => {
    const memory = new MerchantMemory();
    memory.record('', 'groceries', 3);
    expect(memory.size).toBe(0);
  });
});
