import { ApiClient, AppProcess, backendFromEnv, newSession, Session, Stack, startStack, storedDescriptions, WriteLoad } from '@finstack/testing';

const backend = backendFromEnv();

/** Concurrent writers, as the issue asks: enough that SIGTERM always lands with requests in flight. */
const WRITERS = 20;

/** SIGTERM, timed until the process has exited. */
async function terminate(app: AppProcess): Promise<number> {
  const began = Date.now();
  await app.stop();
  return Date.now() - began;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`SIGTERM under a steady load of writes (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let user: Session;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'shutdown' });
    api = new ApiClient(stack.baseUrl);
    user = await newSession(api);
  });
  afterAll(() => stack?.stop());

  // Replies the ledger writes during its drain reach the gateway: the connections are half-closed first and
  // only let go once the gateway hangs up (TcpConnections.endAll), so no reset throws them away.
  it('trx-crud finishes what it accepted: every 201 is stored, every refusal is a 503 that stored nothing, and it recovers', async () => {
    const load = new WriteLoad(stack.baseUrl, user, 'ledger-term', WRITERS);
    await load.created(100);
    const stoppedInMs = await terminate(stack.trxCrud!);
    await sleep(500); // the ledger is gone: the gateway answers at once
    await stack.trxCrud!.start();
    await load.created(100);
    const outcomes = await load.stop();

    const failures = outcomes.filter((outcome) => outcome.status !== 201);
    expect(failures.filter((outcome) => outcome.status !== 503)).toEqual([]);
    expect(failures.every((outcome) => outcome.code === 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(failures.length).toBeGreaterThan(0); // requests did arrive while it was gone
    expect(stoppedInMs).toBeLessThan(25_000);

    const stored = await storedDescriptions(api, user);
    const created = load.ok().map((outcome) => outcome.description);
    expect(created.filter((description) => !stored.has(description))).toEqual([]);
    // A refused request did nothing: no 503 left a row behind.
    expect(failures.filter((outcome) => stored.has(outcome.description))).toEqual([]);
    console.log(`trx-crud SIGTERM under ${WRITERS} writers: exited in ${stoppedInMs} ms; ${created.length} created, ${failures.length} answered 503`);
  });

  it('the gateway finishes the requests it accepted before it exits; later ones find no listener, none hangs, and it recovers', async () => {
    const ledgerRows = (await storedDescriptions(api, user)).size;
    const load = new WriteLoad(stack.baseUrl, user, 'gateway-term', WRITERS);
    await load.created(100);
    const signalledAt = Date.now();
    const stoppedInMs = await terminate(stack.gateway);
    await stack.gateway.start();
    await load.created(100);
    const outcomes = await load.stop();

    expect(outcomes.filter((outcome) => outcome.status !== undefined && outcome.status !== 201)).toEqual([]);
    const unanswered = outcomes.filter((outcome) => outcome.networkError !== undefined);
    expect(unanswered.filter((outcome) => outcome.networkError === 'hang')).toEqual([]);
    // Only requests sent once the gateway was told to stop went unanswered.
    expect(unanswered.filter((outcome) => outcome.sentAt < signalledAt)).toEqual([]);
    expect(stoppedInMs).toBeLessThan(25_000);

    const stored = await storedDescriptions(api, user);
    const created = load.ok().map((outcome) => outcome.description);
    expect(created.filter((description) => !stored.has(description))).toEqual([]);
    // Nothing the gateway took in was dropped half-way: an unanswered request stored nothing.
    expect(unanswered.filter((outcome) => stored.has(outcome.description))).toEqual([]);
    expect(stored.size).toBe(ledgerRows + created.length);
    console.log(`gateway SIGTERM under ${WRITERS} writers: exited in ${stoppedInMs} ms; ${created.length} created, ${unanswered.length} found no listener`);
  });
});
