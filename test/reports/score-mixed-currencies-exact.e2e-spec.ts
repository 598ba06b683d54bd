import { ApiClient, Session, newSession } from '@finstack/testing';
import { backend, useReportStack } from './report-test-helpers';

/** Scoring adds up any list of transactions, stored or not; only amount and currency count. */
describe(`scoring a list of transactions (${backend})`, () => {
  const { api } = useReportStack('rep_score');
  let session: Session;
  let client: ApiClient;

  beforeAll(async () => {
    client = api();
    session = await newSession(client, 'score');
  });

  const score = (transactions: unknown[]) =>
    client.post('/api/v1/reports/score', { transactions }, { token: session.accessToken });

  describe('exact totals per currency', () => {
    it('adds 0.1 and 0.2 to exactly 0.30, and keeps currencies apart at their own scale', async () => {
      const response = await score([
        { amount: '0.1', currency: 'USD', description: 'a dime', occurredOn: '2025-01-01' },
        { amount: '0.2', currency: 'USD' },
        { amount: '-1500', currency: 'JPY' },
        { amount: '-0.125', currency: 'KWD' },
        { amount: '2.5', currency: 'KWD' },
        { amount: '0', currency: 'EUR' },
      ]);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        count: 6,
        currencies: [
          { currency: 'EUR', count: 1, totalSpent: '0.00', totalReceived: '0.00', net: '0.00' },
          { currency: 'JPY', count: 1, totalSpent: '1500', totalReceived: '0', net: '-1500' },
          { currency: 'KWD', count: 2, totalSpent: '0.125', totalReceived: '2.500', net: '2.375' },
          { currency: 'USD', count: 2, totalSpent: '0.00', totalReceived: '0.30', net: '0.30' },
        ],
      });
    });

    it('refuses amounts a currency cannot hold, naming the item', async () => {
      const response = await score([{ amount: '1.5', currency: 'USD' }, { amount: '1.5', currency: 'JPY' }]);
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('transactions.1.amount has more decimals than JPY allows (0)');
    });

    it('needs a token', async () => {
      expect((await client.post('/api/v1/reports/score', { transactions: [] })).status).toBe(401);
    });
  });

  describe('how many at once', () => {
    const item = (i: number) => ({
      amount: i % 2 === 0 ? '-0.01' : '0.02',
      currency: 'EUR',
      occurredOn: '2025-03-14',
      description: `Transaction number ${i} `.padEnd(500, 'x'),
    });

    it('takes 10,000 transactions with long descriptions, well over the usual 1 MB body', async () => {
      const transactions = Array.from({ length: 10_000 }, (_, i) => item(i));
      expect(JSON.stringify({ transactions }).length).toBeGreaterThan(5_000_000);
      const response = await score(transactions);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        count: 10_000,
        currencies: [{ currency: 'EUR', count: 10_000, totalSpent: '50.00', totalReceived: '100.00', net: '50.00' }],
      });
    });

    it('refuses 10,001 with a 400 that says to split the list', async () => {
      const response = await score(Array.from({ length: 10_001 }, (_, i) => item(i)));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'transactions must hold at most 10000 items; split the list',
      });
    });

    it('still refuses other bodies over 1 MB with 413', async () => {
      const response = await client.post(
        '/api/v1/transactions',
        { occurredOn: '2025-03-01', amount: '-1.00', currency: 'EUR', description: 'x'.repeat(1_100_000) },
        { token: session.accessToken },
      );
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'request body is larger than 1 MB' });
    });

    it('refuses a score body over 8 MB with 413', async () => {
      const response = await client.post(
        '/api/v1/reports/score',
        undefined,
        { token: session.accessToken, rawBody: JSON.stringify({ transactions: [], padding: 'x'.repeat(8_500_000) }) },
      );
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'request body is larger than 8 MB' });
    });
  });
});
