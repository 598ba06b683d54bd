import { readdirSync } from 'node:fs';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiClient, backendFromEnv, freePort, tempDataDir, waitUntil } from '@finstack/testing';

const DIST = join(__dirname, '..', 'dist', 'scripts');

/** `npm start` and `npm run seed` run the same built scripts; this drives them as a person would. */
(backendFromEnv() === 'sqlite' ? describe : describe.skip)('the start and seed commands (embedded defaults)', () => {
  let start: ChildProcess;
  let output = '';
  let api: ApiClient;
  let env: NodeJS.ProcessEnv;
  const dataDir = tempDataDir('finstack-start-');

  beforeAll(async () => {
    const [port, ledgerPort, socketPort, eventsPort, objectStorePort, smtpPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    env = {
      PATH: process.env.PATH,
      PORT: String(port),
      TRX_CRUD_PORT: String(ledgerPort),
      LOCAL_S3_PORT: String(objectStorePort),
      NOTIFICATIONS_PORT: String(socketPort),
      NOTIFICATIONS_TCP_PORT: String(eventsPort),
      DATA_DIR: dataDir.path,
      // The local mail catcher listens where SMTP_URL points.
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    };
    api = new ApiClient(`http://127.0.0.1:${port}`);
    start = spawn(process.execPath, [join(DIST, 'start.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitUntil('npm start to report it is running', async () => output.includes('finstack is running'), 30_000);
  });
  afterAll(() => {
    if (start.exitCode === null) start.kill('SIGKILL');
    dataDir.remove();
  });

  it('prints where the API and its docs are, once every app is ready', async () => {
    expect(output).toContain(`${api.baseUrl}/api/v1`);
    expect(output).toContain(`${api.baseUrl}/docs`);
    const ready = await api.get('/health/ready');
    expect(ready.body).toMatchObject({ status: 'ok', checks: { database: 'up', ledger: 'up' } });
  });

  it('seeds a demo user with months of transactions, and seeding again adds none', async () => {
    const seed = () => promisify(execFile)(process.execPath, [join(DIST, 'seed.js')], { env: { ...env, API_URL: api.baseUrl } });
    expect((await seed()).stdout).toMatch(/demo@finstack\.local .*: [1-9]\d+ transactions created, 0 already there/);
    // The demo user confirmed its address through the mail the launcher caught, kept and printed.
    expect(output).toMatch(/\[mail\] to demo@finstack\.local: finstack: confirm your email address\n\[mail\] {3}http:\/\/\S+\/verify-email\?token=/);
    expect(readdirSync(join(dataDir.path, 'mail')).filter((name) => name.endsWith('.eml')).length).toBeGreaterThan(0);
    expect((await seed()).stdout).toMatch(/: 0 transactions created, [1-9]\d+ already there/);

    const login = await api.post<{ accessToken: string }>('/api/v1/auth/login', {
      email: 'demo@finstack.local',
      password: 'demo-password-123',
    });
    const page = await api.get<{ items: Array<{ categoryId: string | null }> }>('/api/v1/transactions?limit=200', {
      token: login.body.accessToken,
    });
    expect(page.body.items.length).toBeGreaterThan(100);
    expect(page.body.items.every((t) => t.categoryId !== null)).toBe(true);

    // The sample price histories are in the local object store, and the demo wallet can be analysed.
    const token = login.body.accessToken;
    expect((await api.get('/api/v1/market/tickers', { token })).body).toEqual({ items: ['AAPL', 'AMZN', 'SPX'], nextCursor: null });
    const risk = await api.post<{ status: string; result: { value: number } }>('/api/v1/var/portfolio', { method: 'parametric' }, { token });
    expect(risk.status).toBe(201);
    expect(risk.body.result.value).toBeCloseTo(40 * 320.299988 + 5 * 2153.100098, 0);
  });

  it('seeds only the system API_URL names: one that never gets ready fails the seed, and none is started in its place', async () => {
    const absent = `http://127.0.0.1:${await freePort()}`;
    const seed = promisify(execFile)(process.execPath, [join(DIST, 'seed.js')], { env: { ...env, API_URL: absent, SEED_WAIT_SECONDS: '1' } });
    const failure = await seed.then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(`${absent}/health/ready did not answer 200 within 1 s`);
    expect(failure?.stdout).not.toContain('starting it for the seed');
  });

  it('stops every app on Ctrl-C', async () => {
    const exited = once(start, 'exit');
    start.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(output).toContain('stopping finstack');
    await waitUntil('the API to go away', async () => (await fetch(`${api.baseUrl}/health`).catch(() => undefined)) === undefined, 5_000);
  });
});
