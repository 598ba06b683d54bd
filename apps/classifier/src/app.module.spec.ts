import { CLASSIFIER, ClassifierContract, DomainError, ErrorCode, HEALTH, HealthContract } from '@finstack/contracts';
import { RpcClient, startTcpService } from '@finstack/rpc';
import { INestMicroservice } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { ClassifierEnv } from './classifier-env';

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The service booted the way main.ts boots it, on embedded SQLite, called over real TCP; the ledger is down. */
describe('classifier over TCP', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'classifier-boot-'));
  const savedEnv = { ...process.env };
  let service: INestMicroservice;
  let client: RpcClient<ClassifierContract & HealthContract>;

  beforeAll(async () => {
    const [port, ledgerPort] = [await freePort(), await freePort()];
    Object.assign(process.env, {
      DATA_DIR: dataDir,
      CLASSIFIER_PORT: String(port),
      TRX_CRUD_PORT: String(ledgerPort),
      LOG_LEVEL: 'error',
      LOG_FORMAT: 'text',
    });
    delete process.env.DATABASE_URL;
    const { AppModule } = await import('./app.module');
    service = await startTcpService({
      name: 'classifier',
      module: AppModule,
      settingsClass: ClassifierEnv,
      listen: (env) => ({ host: env.CLASSIFIER_HOST, port: env.CLASSIFIER_PORT }),
    });
    const proxy = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port } });
    client = new RpcClient(proxy, { service: 'classifier', timeoutMs: 5000 });
  });

  afterAll(async () => {
    client.close();
    await service.close();
    process.env = savedEnv;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const failureOf = (call: Promise<unknown>) =>
    call.then(
      () => {
        throw new Error('expected the call to fail');
      },
      (error: DomainError) => error,
    );

  it('answers the readiness probe', async () => {
    expect(await client.send(HEALTH.ping, {})).toEqual({ service: 'classifier', status: 'ok' });
  });

  it('validates every message again, naming the fields', async () => {
    const error = await failureOf(
      client.send(CLASSIFIER.classify, { userId: uuidv4(), items: [{ description: '', amount: '1e3', currency: 'usd' }] }),
    );
    expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, status: 400 });
    expect(JSON.stringify(error.details)).toMatch(/items\.0\.amount/);
  });

  it('keeps its own data while the ledger is down: rules are listed', async () => {
    expect(await client.send(CLASSIFIER.listRules, { userId: uuidv4() })).toEqual([]);
  });
});
