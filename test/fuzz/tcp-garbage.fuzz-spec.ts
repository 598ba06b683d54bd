/**
 * Garbage at every TCP port of the system (the five services and
 * notifications' events-in port) and at notifications' Socket.IO port: each
 * keeps serving (a real RpcClient call, a Socket.IO health check) and its
 * resident memory stays within MAX_RSS_GROWTH_MB of what it was.
 *
 * Part of `npm run test:fuzz` only. FUZZ_SEED replays the random bytes.
 */
import { HEALTH, HealthContract } from '@finstack/contracts';
import { MAX_FRAME_BYTES, RpcClient } from '@finstack/rpc';
import { AppProcess, backendFromEnv, Stack, startStack } from '@finstack/testing';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { request } from 'node:http';
import WebSocket from 'ws';
import { residentMemoryMb } from '../bench/process-memory';
import { fuzzBudget } from './fuzz-budget';
import { framingAttacks, idleConnections, randomGarbage, throwAllAt, throwAt } from './tcp-garbage';

const backend = backendFromEnv();
const budget = fuzzBudget(40);
const MAX_RSS_GROWTH_MB = 100;
const IDLE_CONNECTIONS = Number(process.env.FUZZ_IDLE_CONNECTIONS ?? 1_000);

describe(`garbage at the TCP and Socket.IO ports (${backend})`, () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'fuzz_tcp' });
    console.log(`TCP fuzz: ${budget.runs} random-byte connections per port, FUZZ_SEED=${budget.seed}`);
  }, 120_000);
  afterAll(() => stack?.stop());

  const tcpApps = (): Array<[string, AppProcess, number]> => [
    ['trx-crud', stack.trxCrud!, portOf(stack.trxCrud!)],
    ['classifier', stack.classifier, portOf(stack.classifier)],
    ['report', stack.report, portOf(stack.report)],
    ['portfolio', stack.portfolio, portOf(stack.portfolio)],
    ['var', stack.var, portOf(stack.var)],
    ['notifications (events in)', stack.notifications, Number(stack.notifications.spec.env.NOTIFICATIONS_TCP_PORT)],
  ];

  it.each(['trx-crud', 'classifier', 'report', 'portfolio', 'var', 'notifications (events in)'])('%s keeps answering with bounded memory', async (name) => {
    const [, app, port] = tcpApps().find(([candidate]) => candidate === name)!;
    const client = new RpcClient<HealthContract>(ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port } }), { service: name, timeoutMs: 5_000 });
    try {
      expect((await client.send(HEALTH.ping, {})).status).toBe('ok');
      const before = residentMemoryMb(app.pid!).rss;
      const outcomes: string[] = [];
      // The framing attacks one at a time (megabytes each, their outcomes checked), the random bytes in waves.
      for (const garbage of framingAttacks(MAX_FRAME_BYTES)) outcomes.push(`${garbage.label}: ${await throwAt(port, garbage, 300)}`);
      outcomes.push(...(await throwAllAt(port, randomGarbage(budget.seed, budget.runs), 300)));
      const idle = await idleConnections(port, IDLE_CONNECTIONS, 1_000);
      const after = residentMemoryMb(app.pid!);
      console.log(`${name}: RSS ${before.toFixed(0)} → ${after.rss.toFixed(0)} MB (peak ${after.peak.toFixed(0)}), ${idle} idle connections held\n  ${outcomes.filter((line) => !line.startsWith('random')).join('\n  ')}`);

      expect((await client.send(HEALTH.ping, {})).status).toBe('ok');
      expect(after.rss - before).toBeLessThan(MAX_RSS_GROWTH_MB);
      // Past the cap the connection is dropped, not buffered.
      expect(outcomes.filter((line) => /MB .*: left open$/.test(line))).toEqual([]);
    } finally {
      client.close();
    }
  }, 180_000);

  it('notifications keeps serving Socket.IO through garbage at its HTTP port', async () => {
    const app = stack.notifications;
    const port = Number(new URL(stack.notificationsUrl).port);
    const before = residentMemoryMb(app.pid!).rss;
    await throwAllAt(port, randomGarbage(budget.seed + 1, budget.runs), 100);
    // Engine.IO polling with a body past its 1 MB cap, and an unknown session.
    expect(await postStatus(`${stack.notificationsUrl}/socket.io/?EIO=4&transport=polling`, 'x'.repeat(5 * 1024 * 1024))).toBeLessThan(500);
    expect(await postStatus(`${stack.notificationsUrl}/socket.io/?EIO=4&transport=polling&sid=nope`, '40')).toBeLessThan(500);
    // WebSocket: broken packets, a 5 MB message, binary junk.
    const garbageMessages: Array<string | Buffer> = ['', '4', '42[', '42["x",{"__proto__":1}]', '0{"token":"nope"}', 'x'.repeat(5 * 1024 * 1024), Buffer.from([0xff, 0x00, 0xfe])];
    for (const message of garbageMessages) await sendOverWebSocket(stack.notificationsUrl, message);
    const after = residentMemoryMb(app.pid!).rss;
    console.log(`notifications (Socket.IO): RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB`);

    expect((await fetch(`${stack.notificationsUrl}/health`)).status).toBe(200);
    expect(after - before).toBeLessThan(MAX_RSS_GROWTH_MB);
  }, 180_000);
});

function portOf(app: AppProcess): number {
  const { ready } = app.spec;
  if (!('port' in ready)) throw new Error(`${app.spec.app} has no TCP port`);
  return ready.port;
}

/** The status of a POST, or 0 when the server reset the connection (a refusal of a body past its cap). */
function postStatus(url: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** Opens an Engine.IO WebSocket, sends one message, and closes after a moment (or when the server does). */
function sendOverWebSocket(baseUrl: string, message: string | Buffer): Promise<void> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const done = () => {
      socket.terminate();
      resolve();
    };
    socket.on('open', () => {
      socket.send(message, () => setTimeout(done, 200));
    });
    socket.on('error', done);
    socket.on('close', done);
  });
}
