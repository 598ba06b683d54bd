// Drives a running compose stack the way a user would, through the two
// published ports only (test/compose/prove-stack.sh runs it):
// opens the web console at `/`, registers a user, logs in, opens a Socket.IO
// connection through the gateway's origin (its /socket.io proxy), creates a
// transaction and receives its `transaction.created` push, then runs a VaR
// analysis of a trading strategy on the seeded AAPL history.
// Prints each step with what the system answered; exits 1 at the first
// step that does not give what a user expects.
const { io } = require('socket.io-client');

const API = process.env.API_URL ?? 'http://127.0.0.1:3000';
// The console's origin: the gateway proxies /socket.io to notifications (NOTIFICATIONS_URL in compose).
const PUSH = process.env.PUSH_URL ?? API;

function fail(step, detail) {
  console.error(`FAILED ${step}: ${detail}`);
  process.exit(1);
}

async function call(method, path, body, token) {
  const response = await fetch(`${API}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

function expectStatus(step, response, status) {
  if (response.status !== status) fail(step, `expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
}

function connectSocket(token) {
  return new Promise((resolve, reject) => {
    const socket = io(PUSH, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false });
    const timer = setTimeout(() => reject(new Error('no connection within 10 s')), 10_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Keeps every event of a type from now on; `find` waits for one that matches. */
function collect(socket, type) {
  const events = [];
  socket.on(type, (event) => events.push(event));
  return {
    async find(match, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching ${type} within ${timeoutMs} ms (received ${events.length})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

async function main() {
  const email = `proof-${Date.now()}@example.com`;
  const password = 'a long proof passphrase';

  const page = await fetch(`${API}/`, { headers: { accept: 'text/html' } });
  const html = await page.text();
  if (page.status !== 200 || !html.includes('<div id="root">')) fail('web console', `expected the console's index.html, got ${page.status} ${html.slice(0, 120)}`);
  console.log(`web console at ${API}/: ${page.status}, ${html.length} bytes of index.html`);

  const registered = await call('POST', '/auth/register', { email, password, displayName: 'Proof' });
  expectStatus('register', registered, 201);
  console.log(`register ${email}: ${registered.status}, user id ${registered.body.id}`);

  const login = await call('POST', '/auth/login', { email, password });
  expectStatus('login', login, 200);
  const token = login.body.accessToken;
  console.log(`log in: ${login.status}, access token for ${login.body.expiresIn} s`);

  const socket = await connectSocket(token).catch((error) => fail('Socket.IO connect', error.message));
  console.log(`Socket.IO connected to ${PUSH} (socket ${socket.id})`);

  const description = `POS VISA TESCO STORES 3297 LONDON proof ${Date.now()}`;
  const pushes = collect(socket, 'transaction.created');
  const created = await call('POST', '/transactions', { amount: '-23.45', currency: 'GBP', occurredOn: '2026-11-20', description }, token);
  expectStatus('create transaction', created, 201);
  console.log(`create transaction: ${created.status}, id ${created.body.id}, amount ${created.body.amount} ${created.body.currency}, category ${created.body.categoryId ?? 'none'} (${created.body.categorySource ?? 'n/a'})`);

  const event = await pushes.find((e) => e.payload?.transactionId === created.body.id).catch((error) => fail('Socket.IO event', error.message));
  console.log(`Socket.IO event received: ${event.type} for transaction ${event.payload.transactionId} (event id ${event.id}, occurred ${event.occurredAt})`);
  socket.close();

  const tickers = await call('GET', '/market/tickers', undefined, token);
  expectStatus('list tickers', tickers, 200);
  console.log(`stored price histories: ${tickers.body.tickers.join(', ')}`);

  const analysis = await call(
    'POST',
    '/var/analyses',
    { ticker: 'AAPL', strategy: { type: 'sma-crossover', A: 20, V: 101 }, samples: 20_000, seed: 7 },
    token,
  );
  expectStatus('VaR analysis', analysis, 201);
  const { summary, metadata } = analysis.body.result;
  const levels = summary.averageVar.map((level) => `${level.confidence * 100}% VaR ${level.varMoney.toFixed(2)} (${(level.varReturn * 100).toFixed(2)}%)`);
  console.log(`VaR analysis: ${analysis.status}, run ${analysis.body.id} ${analysis.body.status}: ${metadata.signals} signals × ${metadata.samples} draws in ${Math.round(metadata.durationMs)} ms`);
  console.log(`  average per trade of 1000 shares: ${levels.join(', ')}; total P&L ${summary.totalPnl.toFixed(2)}`);
  console.log('all steps passed');
}

main().catch((error) => fail('unexpected', error.stack ?? error));
