/**
 * Malformed requests against every route of the gateway's OpenAPI document:
 * bodies, query strings, path ids and headers. None may get a 5xx or go
 * unanswered, and none may write: the stored rows of every schema and what two
 * users see through the API are the same before and after.
 *
 * `npm test` runs a short smoke (FUZZ_RUNS, default 300); `npm run test:fuzz`
 * runs thousands. The seed is printed; FUZZ_SEED=<seed> replays a run.
 */
import { ApiClient, backendFromEnv, newSession, Session, Stack, startStack } from '@finstack/testing';
import fc from 'fast-check';
import { fuzzBudget, Tally } from './fuzz-budget';
import { FuzzContext, requestFor } from './malformed-request';
import { OpenApiDocument, Operation, operationsOf } from './openapi-operations';
import { describeRequest, sendRaw } from './raw-http';
import { changedTables, settledState } from './written-state';

const backend = backendFromEnv();
const budget = fuzzBudget(300);
const INGEST_KEY = 'fuzz-quote-feed-key-0123456789abcdef';
const REQUEST_TIMEOUT_MS = 15_000;

describe(`malformed requests to every route: no 5xx, nothing written (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let operations: Operation[];
  let fuzzer: Session;
  let bystander: Session;
  let context: FuzzContext;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'fuzz_http', gatewayEnv: { QUOTES_INGEST_API_KEY: INGEST_KEY } });
    api = new ApiClient(stack.baseUrl);
    operations = operationsOf((await api.get<OpenApiDocument>('/docs-json')).body);
    await expectOk(api.post('/api/v1/quotes', { ticker: 'ZZZZ', price: '10.00', at: '2025-03-14T20:00:00Z' }, { headers: { 'x-api-key': INGEST_KEY } }));
    fuzzer = await newSession(api, 'fuzzer');
    bystander = await newSession(api, 'bystander');
    context = { token: fuzzer.accessToken, ownIds: await recordsOf(api, fuzzer), othersIds: await recordsOf(api, bystander), ingestKey: INGEST_KEY };
  }, 120_000);
  afterAll(() => stack?.stop());

  it(`answers ${budget.runs} of them with a 4xx or 2xx and changes nothing (seed ${budget.seed})`, async () => {
    console.log(`HTTP fuzz: ${budget.runs} requests over ${operations.length} operations, FUZZ_SEED=${budget.seed}`);
    const storedBefore = await settledState(stack);
    const seenBefore = await whatUsersSee(api, operations, [fuzzer, bystander]);

    const failures: string[] = [];
    const statuses = new Tally();
    const operationsAnswered = new Tally();
    const started = performance.now();
    const arbitrary = fc.constantFrom(...operations).chain((op) => requestFor(op, context).map((request) => ({ op, request })));
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ op, request }) => {
        const outcome = await sendRaw(stack.baseUrl, request, REQUEST_TIMEOUT_MS);
        if (outcome.kind === 'not-sent') return statuses.add('not sent by the client');
        if (outcome.kind === 'closed-early') {
          // Fine as long as the gateway is still there: a crash resets connections too.
          if (!processExists(stack.gateway.pid)) failures.push(`${describeRequest(request)}\n  → the gateway exited`);
          return statuses.add('reset while uploading');
        }
        if (outcome.kind === 'no-answer' || outcome.status >= 500) {
          const answer = outcome.kind === 'no-answer' ? outcome.reason : `${outcome.status} ${outcome.body}`;
          failures.push(`${describeRequest(request)}\n  → ${answer}`);
        }
        statuses.add(outcome.kind === 'response' ? String(outcome.status) : 'no answer');
        if (outcome.kind === 'response' && outcome.status !== 401) operationsAnswered.add(`${op.method} ${op.path}`);
      }),
      { seed: budget.seed, numRuns: budget.runs },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`HTTP fuzz: ${seconds.toFixed(1)} s; statuses ${statuses}`);

    if (failures.length > 0) console.log(`gateway output (tail):\n${stack.gateway.logs().slice(-3_000)}`);
    expect(failures.slice(0, 10).join('\n\n')).toBe('');
    expect(await everyAppAlive(stack)).toEqual([]);
    // Nothing written, read from the databases and through the API.
    expect(changedTables(storedBefore, await settledState(stack))).toEqual([]);
    expect(await whatUsersSee(api, operations, [fuzzer, bystander])).toEqual(seenBefore);
    // The fuzz reached past authentication on most routes, so it exercised more than the guard.
    expect(statuses.get('400')).toBeGreaterThan(budget.runs / 10);
    expect(statuses.get('404')).toBeGreaterThan(0);
    expect(operationsAnswered.size).toBeGreaterThan(operations.length / 2);
  }, 600_000);
});

async function expectOk<T>(pending: Promise<{ status: number; body: T }>): Promise<T> {
  const response = await pending;
  if (response.status >= 300) throw new Error(`set-up request failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** One record of each kind for the user, so malformed requests can aim at real ids; returns their ids. */
async function recordsOf(api: ApiClient, user: Session): Promise<string[]> {
  const token = user.accessToken;
  const id = (body: Record<string, unknown>) => String(body.id);
  const category = id(await expectOk(api.post('/api/v1/categories', { name: 'Coffee', kind: 'expense' }, { token })));
  const transaction = id(await expectOk(api.post('/api/v1/transactions', { occurredOn: '2025-03-01', amount: '-3.50', currency: 'EUR', description: 'Coffee', categoryId: category }, { token })));
  const rule = id(await expectOk(api.post('/api/v1/rules', { name: 'Coffee', conditions: [{ field: 'description', operator: 'contains', value: 'coffee' }], categoryId: category }, { token })));
  const holding = id(await expectOk(api.post('/api/v1/portfolio/holdings', { ticker: 'ZZZZ', quantity: '2', averageCost: '9.50' }, { token })));
  const watch = id(await expectOk(api.post('/api/v1/watchlist', { ticker: 'ZZZZ', targetPrice: '20.00', direction: 'above' }, { token })));
  const csv = 'date,amount,description\n2025-03-02,-4.00,Tea\n';
  const imported = id(await expectOk(api.post('/api/v1/imports?dateColumn=date&amountColumn=amount&descriptionColumn=description&currency=EUR', undefined, { token, rawBody: csv, headers: { 'content-type': 'text/csv' } })));
  return [category, transaction, rule, holding, watch, imported];
}

/** Every list a user can read (each secured GET route without a path id), as the user sees it. */
async function whatUsersSee(api: ApiClient, operations: Operation[], users: Session[]): Promise<Record<string, unknown>> {
  const lists = operations.filter((op) => op.method === 'GET' && op.secured && op.pathParams.length === 0);
  const seen: Record<string, unknown> = {};
  for (const user of users) {
    for (const op of lists) {
      const response = await api.get(op.path, { token: user.accessToken });
      seen[`${user.email} ${op.path}`] = { status: response.status, body: response.body };
    }
  }
  return seen;
}

/** Apps that exited or stopped answering: a malformed request must not take a process down. */
async function everyAppAlive(stack: Stack): Promise<string[]> {
  const apps = { gateway: stack.gateway, trxCrud: stack.trxCrud, classifier: stack.classifier, report: stack.report, portfolio: stack.portfolio, var: stack.var, notifications: stack.notifications };
  const dead = Object.entries(apps)
    .filter(([, app]) => app !== undefined && !processExists(app.pid))
    .map(([name]) => `${name} exited`);
  const health = await fetch(`${stack.baseUrl}/health/ready`).catch(() => undefined);
  if (health?.status !== 200) dead.push(`gateway /health/ready: ${health?.status ?? 'no answer'}`);
  return dead;
}

function processExists(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
