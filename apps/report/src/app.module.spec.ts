import { ErrorCode, HEALTH, HealthContract, REPORT, ReportContract } from '@finstack/contracts';
import { RpcClient } from '@finstack/rpc';
import { failureOf, freePort, startTcpServiceUnderTest, TcpServiceUnderTest } from '@finstack/testing';
import { v4 as uuidv4 } from 'uuid';
import { ReportEnv } from './report-env';

/** The service booted the way main.ts boots it, called over real TCP; nothing listens where the ledger should be. */
describe('report over TCP', () => {
  let service: TcpServiceUnderTest<ReportContract & HealthContract>;
  let client: RpcClient<ReportContract & HealthContract>;

  beforeAll(async () => {
    const [port, ledgerPort] = [await freePort(), await freePort()];
    service = await startTcpServiceUnderTest<ReportEnv, ReportContract & HealthContract>({
      name: 'report',
      settingsClass: ReportEnv,
      loadModule: async () => (await import('./app.module')).AppModule,
      port,
      env: { REPORT_PORT: String(port), TRX_CRUD_PORT: String(ledgerPort) },
      listen: (settings) => ({ host: settings.REPORT_HOST, port: settings.REPORT_PORT }),
    });
    client = service.client;
  });

  afterAll(() => service.stop());

  it('answers the readiness probe', async () => {
    expect(await client.send(HEALTH.ping, {})).toEqual({ service: 'report', status: 'ok' });
  });

  it('scores without the ledger', async () => {
    const view = await client.send(REPORT.score, {
      transactions: [
        { amount: '0.1', currency: 'USD' },
        { amount: '0.2', currency: 'USD' },
      ],
    });
    expect(view).toEqual({
      count: 2,
      currencies: [{ currency: 'USD', count: 2, totalSpent: '0.00', totalReceived: '0.30', net: '0.30' }],
    });
  });

  it('validates every message again, naming the fields', async () => {
    const error = await failureOf(client.send(REPORT.score, { transactions: [{ amount: '1.001', currency: 'USD' }] }));
    expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, status: 400 });
    expect(error.message).toMatch(/more decimals than USD allows/);
    const tooMany = Array.from({ length: 10_001 }, () => ({ amount: '1', currency: 'EUR' }));
    const refused = await failureOf(client.send(REPORT.score, { transactions: tooMany }));
    expect(refused.message).toBe('transactions must hold at most 10000 items; split the list');
    const badQuery = await failureOf(client.send(REPORT.summary, { userId: uuidv4(), query: { groupBy: 'week' as 'month' } }));
    expect(badQuery.message).toMatch(/groupBy must be one of the following values: month, category, merchant/);
  });

  it('answers 503 when the ledger is down, not a crash', async () => {
    const error = await failureOf(client.send(REPORT.summary, { userId: uuidv4(), query: {} }));
    expect(error).toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE, status: 503 });
  });
});
