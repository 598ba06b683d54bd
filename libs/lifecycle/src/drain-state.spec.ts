import { DrainState } from './drain-state';

describe('DrainState', () => {
  it('resolves idle only once every piece of accepted work is done, each counted once', async () => {
    const drain = new DrainState();
    const first = drain.track();
    const second = drain.track();
    let idle = false;
    const waiting = drain.idle().then(() => (idle = true));
    first();
    first(); // a second call of the same done must not count the other piece as finished
    await Promise.resolve();
    expect(idle).toBe(false);
    expect(drain.pending).toBe(1);
    second();
    await waiting;
    expect(idle).toBe(true);
  });

  it('tells its listeners once when draining begins', () => {
    const drain = new DrainState();
    const heard: boolean[] = [];
    drain.onDraining(() => heard.push(drain.isDraining));
    drain.begin();
    drain.begin();
    expect(heard).toEqual([true]);
  });
});
