import { CLASSIFIER, ErrorCode, EVENT_TYPES, LEDGER, NOTIFICATIONS, PORTFOLIO } from '@finstack/contracts';
import {
  ApiClient,
  AppProcess,
  backendFromEnv,
  newEs256PrivateKey,
  newSession,
  rawTcpCall,
  serviceCallToken,
  Session,
  signEs256,
  Stack,
  startStack,
} from '@finstack/testing';
import { randomUUID } from 'node:crypto';

const backend = backendFromEnv();

const portOf = (app: AppProcess | undefined, variable: string): number => {
  const port = Number(app?.spec.env[variable]);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`no ${variable} in the stack`);
  return port;
};

/**
 * Code that reaches a service's TCP port (any task in the cluster, a
 * compromised dependency) speaks to it directly, with no gateway in between:
 * every call must prove who makes it, and may act only as that caller.
 */
describe(`services refuse callers that cannot prove who they are (${backend})`, () => {
  let stack: Stack;
  let owner: Session;
  let intruder: Session;
  let ledgerPort: number;
  let portfolioPort: number;
  let notificationsPort: number;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'tcpcallers' });
    const api = new ApiClient(stack.baseUrl);
    owner = await newSession(api, 'owner');
    intruder = await newSession(api, 'intruder');
    const created = await api.post(
      '/api/v1/transactions',
      { occurredOn: '2025-06-01', amount: '-42.00', currency: 'USD', description: 'Private rent' },
      { token: owner.accessToken },
    );
    expect(created.status).toBe(201);
    const held = await api.post('/api/v1/portfolio/holdings', { ticker: 'ZZTOP', quantity: '3', allowUnknown: true }, { token: owner.accessToken });
    expect(held.status).toBe(201);
    ledgerPort = portOf(stack.report, 'TRX_CRUD_PORT');
    portfolioPort = portOf(stack.var, 'PORTFOLIO_PORT');
    notificationsPort = portOf(stack.notifications, 'NOTIFICATIONS_TCP_PORT');
  });
  afterAll(() => stack?.stop());

  const listLedger = (userId: string, token?: string) => rawTcpCall(ledgerPort, LEDGER.listTransactions, { userId, query: {} }, token);

  it("answers the owner's own token with the owner's ledger (the raw message is well-formed)", async () => {
    const reply = await listLedger(owner.userId, owner.accessToken);
    expect(JSON.stringify(reply.response)).toContain('Private rent');
  });

  it("refuses a message naming another user's id with no token", async () => {
    const reply = await listLedger(owner.userId);
    expect(reply.err?.code).toBe(ErrorCode.FORBIDDEN);
    expect(JSON.stringify(reply)).not.toContain('Private rent');
  });

  it('refuses a token signed by a key the services do not know', async () => {
    const nowS = Math.floor(Date.now() / 1000);
    const forged = signEs256(
      { sub: owner.userId, email: owner.email, iss: 'finstack', aud: 'finstack-api', iat: nowS, exp: nowS + 600 },
      newEs256PrivateKey(),
    );
    const reply = await listLedger(owner.userId, forged);
    expect(reply.err?.code).toBe(ErrorCode.FORBIDDEN);
    expect(JSON.stringify(reply)).not.toContain('Private rent');
  });

  it("refuses a real user's token sent with another user's id", async () => {
    const reply = await listLedger(owner.userId, intruder.accessToken);
    expect(reply.err?.code).toBe(ErrorCode.FORBIDDEN);
    expect(JSON.stringify(reply)).not.toContain('Private rent');
  });

  it('refuses a user token on service-only patterns: who holds a ticker, quotes, pushes, classifying for many users', async () => {
    const holders = await rawTcpCall(portfolioPort, PORTFOLIO.listHolders, { params: { ticker: 'ZZTOP' } }, intruder.accessToken);
    expect(holders.err?.code).toBe(ErrorCode.FORBIDDEN);
    expect(JSON.stringify(holders)).not.toContain(owner.userId);

    const quote = { ticker: 'ZZTOP', price: '1.00', at: new Date().toISOString() };
    const quotes = await rawTcpCall(portfolioPort, PORTFOLIO.ingestQuotes, { body: { quotes: [quote] } }, intruder.accessToken);
    expect(quotes.err?.code).toBe(ErrorCode.FORBIDDEN);

    const classifierPort = portOf(stack.trxCrud, 'CLASSIFIER_PORT');
    const item = { description: 'Coffee', amount: '-1.00', currency: 'EUR' };
    const many = await rawTcpCall(classifierPort, CLASSIFIER.classifyForUsers, { requests: [{ userId: owner.userId, items: [item] }] }, intruder.accessToken);
    expect(many.err?.code).toBe(ErrorCode.FORBIDDEN);

    const loginPush = { id: randomUUID(), type: EVENT_TYPES.authLogin, occurredAt: new Date().toISOString(), userId: owner.userId, payload: {} };
    const push = await rawTcpCall(notificationsPort, NOTIFICATIONS.deliver, { events: [loginPush] }, intruder.accessToken);
    expect(push.err?.code).toBe(ErrorCode.FORBIDDEN);
  });

  it('answers a service token for the right callee, and refuses one made for another audience', async () => {
    // notifications asks portfolio who holds a ticker, with its own key:
    const right = await rawTcpCall(portfolioPort, PORTFOLIO.listHolders, { params: { ticker: 'ZZTOP' } }, serviceCallToken(stack.dataDir, 'notifications', 'portfolio'));
    expect(right.response).toMatchObject({ userIds: [owner.userId] });
    // ...but a token notifications signed for var does not open portfolio:
    const wrong = await rawTcpCall(portfolioPort, PORTFOLIO.listHolders, { params: { ticker: 'ZZTOP' } }, serviceCallToken(stack.dataDir, 'notifications', 'var'));
    expect(wrong.err?.code).toBe(ErrorCode.FORBIDDEN);
    // ...nor does a service that is not among the pattern's callers:
    const undeclared = await rawTcpCall(portfolioPort, PORTFOLIO.listHolders, { params: { ticker: 'ZZTOP' } }, serviceCallToken(stack.dataDir, 'report', 'portfolio'));
    expect(undeclared.err?.code).toBe(ErrorCode.FORBIDDEN);
  });
});
