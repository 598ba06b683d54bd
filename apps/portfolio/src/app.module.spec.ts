import { ErrorCode, HEALTH, HealthContract, PORTFOLIO, PortfolioContract } from '@finstack/contracts';
import { RpcClient } from '@finstack/rpc';
import { failureOf, freePort, startTcpServiceUnderTest, TcpServiceUnderTest } from '@finstack/testing';
import { v4 as uuidv4 } from 'uuid';
import { PortfolioEnv } from './portfolio-env';

type Client = RpcClient<PortfolioContract & HealthContract>;

/** The service booted the way main.ts boots it, on embedded SQLite, called over real TCP. */
describe('portfolio over TCP', () => {
  let service: TcpServiceUnderTest<PortfolioContract & HealthContract>;
  let client: Client;

  beforeAll(async () => {
    const port = await freePort();
    service = await startTcpServiceUnderTest<PortfolioEnv, PortfolioContract & HealthContract>({
      name: 'portfolio',
      settingsClass: PortfolioEnv,
      loadModule: async () => (await import('./app.module')).AppModule,
      port,
      env: { PORTFOLIO_PORT: String(port) },
      listen: (settings) => ({ host: settings.PORTFOLIO_HOST, port: settings.PORTFOLIO_PORT }),
      asGatewayFor: [PORTFOLIO.ingestQuotes],
    });
    client = service.client;
  });

  afterAll(() => service.stop());

  it('answers the readiness probe', async () => {
    expect(await client.send(HEALTH.ping, {})).toEqual({ service: 'portfolio', status: 'ok' });
  });

  it('takes quotes, upper-cases tickers, and values a holding and fires a watch with them', async () => {
    const userId = uuidv4();
    const quotes = [
      { ticker: ' brk.b ', price: '400.5', at: '2025-03-14T20:00:00+01:00' },
      { ticker: 'BRK.B', price: '401', at: '2025-03-14T19:30:00Z', currency: 'USD' },
    ];
    const watch = await client.send(PORTFOLIO.addWatch, { userId, body: { ticker: 'brk.b', targetPrice: '400.75', direction: 'above' } });

    expect(await client.send(PORTFOLIO.ingestQuotes, { body: { quotes } })).toEqual({ accepted: 2, ignored: 0, alertsTriggered: 1 });
    expect(await client.send(PORTFOLIO.getQuote, { params: { ticker: 'brk.b' } })).toMatchObject({
      ticker: 'BRK.B',
      price: '401.00',
      at: '2025-03-14T19:30:00.000Z',
    });
    const holding = await client.send(PORTFOLIO.addHolding, { userId, body: { ticker: 'Brk.B', quantity: '2' } });
    expect(holding).toMatchObject({ ticker: 'BRK.B', marketValue: '802.00' });
    expect(await client.send(PORTFOLIO.listHoldings, { userId })).toMatchObject({
      items: [holding],
      totals: [{ currency: 'USD', marketValue: '802.00' }],
    });
    expect(await client.send(PORTFOLIO.getWatch, { userId, id: watch.id })).toMatchObject({ armed: false });
    const page = await client.send(PORTFOLIO.listAlerts, { userId, query: { limit: 10 } });
    expect(page.items).toMatchObject([{ watchId: watch.id, price: '401.00', quoteAt: '2025-03-14T19:30:00.000Z' }]);
  });

  it('sends domain errors with their code and status', async () => {
    const userId = uuidv4();
    const unknown = await failureOf(client.send(PORTFOLIO.addHolding, { userId, body: { ticker: 'NOPE' } }));
    expect(unknown).toMatchObject({ code: ErrorCode.UNKNOWN_TICKER, status: 422 });
    const missing = await failureOf(client.send(PORTFOLIO.getQuote, { params: { ticker: 'NOPE' } }));
    expect(missing).toMatchObject({ code: ErrorCode.QUOTE_NOT_FOUND, status: 404 });
    const notMine = await failureOf(client.send(PORTFOLIO.deleteWatch, { userId, id: uuidv4() }));
    expect(notMine).toMatchObject({ code: ErrorCode.WATCH_NOT_FOUND, status: 404 });
  });

  it('validates every message again, naming the fields', async () => {
    const userId = uuidv4();
    const cases: [Promise<unknown>, RegExp][] = [
      [client.send(PORTFOLIO.addHolding, { userId, body: { ticker: '1AB', quantity: '-1' } }), /body\.ticker[\s\S]*body\.quantity/],
      [client.send(PORTFOLIO.addWatch, { userId, body: { ticker: 'AAPL', targetPrice: '0', direction: 'sideways' as never } }), /targetPrice[\s\S]*direction/],
      [client.send(PORTFOLIO.updateWatch, { userId, id: uuidv4(), patch: { armed: false as never } }), /patch\.armed/],
      [client.send(PORTFOLIO.listAlerts, { userId, query: { limit: 201 } }), /query\.limit/],
      [client.send(PORTFOLIO.ingestQuotes, { body: { quotes: [] } }), /body\.quotes/],
      [client.send(PORTFOLIO.ingestQuotes, { body: { quotes: [{ ticker: 'AAPL', price: '1.1234567', at: '2025-03-14T20:00:00' }] } }), /price[\s\S]*at/],
      [client.send(PORTFOLIO.ingestQuotes, { body: { quotes: [{ ticker: 'AAPL', price: '1', at: '2025-03-14T20:00:00Z' }] }, userId } as never), /userId should not exist/],
      [client.send(PORTFOLIO.listAlerts, { userId } as never), /query should not be null or undefined/],
      [client.send(PORTFOLIO.updateHolding, { userId, id: uuidv4() } as never), /patch should not be null or undefined/],
      [client.send(PORTFOLIO.getQuote, {} as never), /params should not be null or undefined/],
    ];
    for (const [call, fields] of cases) {
      const error = await failureOf(call);
      expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, status: 400 });
      expect(JSON.stringify(error.details)).toMatch(fields);
    }
  });

  it('refuses a batch of more than 1000 quotes, asking to split it', async () => {
    const quotes = Array.from({ length: 1001 }, (_, n) => ({ ticker: 'AAPL', price: '1', at: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString() }));
    const error = await failureOf(client.send(PORTFOLIO.ingestQuotes, { body: { quotes } }));
    expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, status: 400 });
    expect(error.message).toMatch(/at most 1000 .*split the batch/);
  });
});
