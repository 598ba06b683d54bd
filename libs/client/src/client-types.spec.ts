import { createFinstackClient, type Schemas } from './index';

/*
 * The client is typed by the contract: these lines compile only while the
 * fields they name exist (ts-jest and `npm run typecheck` both check them).
 * Renaming a response field in docs/openapi.json turns the
 * `@ts-expect-error` lines' neighbours into compile errors.
 */
describe('the typed client', () => {
  it('types each response from the contract, so a renamed field does not compile', async () => {
    const seen: string[] = [];
    const fetchStub = async (input: string | URL | Request) => {
      const request = input as Request; // openapi-fetch hands fetch a Request
      seen.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get('authorization')}`);
      const body: Schemas['TransactionPage'] = { items: [], nextCursor: null };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const client = createFinstackClient({ baseUrl: 'http://finstack.test/', accessToken: () => 'token-1', fetch: fetchStub });

    const { data } = await client.GET('/api/v1/transactions', { params: { query: { limit: 10 } } });

    const cursor: string | null | undefined = data?.nextCursor;
    // @ts-expect-error `nextCursor` is not `next`: a renamed field is a compile error, not an undefined at run time.
    const renamed = data?.next;
    expect([cursor, renamed]).toEqual([null, undefined]);
    expect(seen).toEqual(['GET /api/v1/transactions Bearer token-1']);
  });

  it('types request bodies too: a missing required field does not compile', () => {
    const client = createFinstackClient({ baseUrl: 'http://finstack.test', fetch: async () => new Response('{}') });
    const send = () =>
      // @ts-expect-error `currency` is required by CreateTransactionBody.
      client.POST('/api/v1/transactions', { body: { occurredOn: '2025-03-14', amount: '-1.00', description: 'x' } });
    expect(typeof send).toBe('function');
  });
});
