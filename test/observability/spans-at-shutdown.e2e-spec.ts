import { ApiClient, backendFromEnv, newSession, Stack, startStack } from '@finstack/testing';
import { OtlpReceiver, SPAN_KIND } from './otlp-receiver';

const backend = backendFromEnv();

describe(`the last spans at shutdown (${backend})`, () => {
  const receiver = new OtlpReceiver();
  let stack: Stack;

  beforeAll(async () => {
    const collector = await receiver.start();
    stack = await startStack({
      backend,
      name: 'spans_at_shutdown',
      // Batches wait a minute before they are sent: only the shutdown can send them in this test.
      commonEnv: { OTEL_EXPORTER_OTLP_ENDPOINT: collector, OTEL_BSP_SCHEDULE_DELAY: '60000' },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await receiver.stop();
  });

  it('sends the spans of the requests a service served just before SIGTERM before it exits, also when the collector is busy at first', async () => {
    const api = new ApiClient(stack.baseUrl);
    const user = await newSession(api);
    const created = await api.post(
      '/api/v1/transactions?autoCategorize=false',
      { occurredOn: '2025-03-14', amount: '-4.20', currency: 'EUR', description: 'Last coffee before the deploy' },
      { token: user.accessToken },
    );
    expect(created.status).toBe(201);
    const servedCreate = () => receiver.spans.filter((span) => span.service === 'trx-crud' && span.kind === SPAN_KIND.server && span.name === 'ledger.transaction.create');
    expect(servedCreate()).toEqual([]); // still batched
    // The collector is busy at first: the exporter tries again about a second later, and the exit waits for that.
    receiver.refuseNext(1);

    const began = Date.now();
    await stack.trxCrud!.stop();
    const stoppedInMs = Date.now() - began;

    // Read the moment the process has exited: nothing is sent after that.
    expect(servedCreate()).toHaveLength(1);
    expect(stoppedInMs).toBeLessThan(10_000);
    await stack.trxCrud!.start();
  });
});
