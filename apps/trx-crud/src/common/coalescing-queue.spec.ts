import { CoalescingQueue } from './coalescing-queue';

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A flush that records each batch and answers when told to. */
function recordingFlush() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const flush = (items: number[]) => {
    batches.push(items);
    return new Promise<PromiseSettledResult<number>[]>((resolve) =>
      pending.push(() =>
        resolve(items.map((item) => (item < 0 ? { status: 'rejected', reason: new Error(`bad ${item}`) } : { status: 'fulfilled', value: item * 10 }))),
      ),
    );
  };
  // The answers settle, then the next batch starts on a later turn.
  const finishNext = async () => {
    pending.shift()?.();
    await turn();
    await turn();
  };
  return { batches, flush, finishNext };
}

describe('CoalescingQueue', () => {
  it('sends a lone item at once, in a batch of its own', async () => {
    const { batches, flush, finishNext } = recordingFlush();
    const queue = new CoalescingQueue(flush, { maxBatch: 10, concurrency: 1 });
    const answer = queue.push(1);
    await turn();
    expect(batches).toEqual([[1]]);
    await finishNext();
    await expect(answer).resolves.toBe(10);
  });

  it('gathers what arrives while a batch is in flight into the next one, at most maxBatch at a time', async () => {
    const { batches, flush, finishNext } = recordingFlush();
    const queue = new CoalescingQueue(flush, { maxBatch: 3, concurrency: 1 });
    const answers = [queue.push(1)];
    await turn();
    answers.push(...[2, 3, 4, 5].map((item) => queue.push(item)));
    await turn();
    expect(batches).toEqual([[1]]);
    await finishNext();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    await finishNext();
    expect(batches).toEqual([[1], [2, 3, 4], [5]]);
    await finishNext();
    await expect(Promise.all(answers)).resolves.toEqual([10, 20, 30, 40, 50]);
  });

  it('keeps at most `concurrency` batches in flight', async () => {
    const { batches, flush, finishNext } = recordingFlush();
    const queue = new CoalescingQueue(flush, { maxBatch: 2, concurrency: 2 });
    const answers = [1, 2, 3, 4, 5, 6].map((item) => queue.push(item));
    await turn();
    await turn();
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    await finishNext();
    expect(batches).toHaveLength(3);
    await finishNext();
    await finishNext();
    await expect(Promise.all(answers)).resolves.toEqual([10, 20, 30, 40, 50, 60]);
  });

  it('fails only the item that failed', async () => {
    const { flush, finishNext } = recordingFlush();
    const queue = new CoalescingQueue(flush, { maxBatch: 10, concurrency: 1 });
    const answers = Promise.allSettled([1, -2, 3].map((item) => queue.push(item)));
    await turn();
    await finishNext();
    const settled = await answers;
    expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('bad -2'));
  });

  it('fails the whole batch when the flush itself throws, and goes on with the next', async () => {
    let calls = 0;
    const queue = new CoalescingQueue<number, number>(
      async (items) => {
        calls += 1;
        if (calls === 1) throw new Error('database gone');
        return items.map((item) => ({ status: 'fulfilled', value: item }));
      },
      { maxBatch: 10, concurrency: 1 },
    );
    await expect(Promise.all([queue.push(1), queue.push(2)])).rejects.toThrow('database gone');
    await expect(queue.push(3)).resolves.toBe(3);
  });
});
