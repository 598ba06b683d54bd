import { DomainError, ErrorCode, HEALTH, HealthContract, LEDGER, LedgerContract } from '@finstack/contracts';
import { RpcClient, startTcpService } from '@finstack/rpc';
import { INestMicroservice } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { TrxCrudEnv } from './trx-crud-env';

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The service booted the way main.ts boots it, on embedded SQLite, called over real TCP. */
describe('trx-crud over TCP', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trx-crud-boot-'));
  const savedEnv = { ...process.env };
  let service: INestMicroservice;
  let client: RpcClient<LedgerContract & HealthContract>;

  beforeAll(async () => {
    const port = await freePort();
    Object.assign(process.env, { DATA_DIR: dataDir, TRX_CRUD_PORT: String(port), LOG_LEVEL: 'error', LOG_FORMAT: 'text' });
    delete process.env.DATABASE_URL;
    const { AppModule } = await import('./app.module');
    service = await startTcpService({
      name: 'trx-crud',
      module: AppModule,
      settingsClass: TrxCrudEnv,
      listen: (env) => ({ host: env.TRX_CRUD_HOST, port: env.TRX_CRUD_PORT }),
    });
    const proxy = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port } });
    client = new RpcClient(proxy, { service: 'ledger', timeoutMs: 5000 });
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
    expect(await client.send(HEALTH.ping, {})).toEqual({ service: 'trx-crud', status: 'ok' });
  });

  it('opens a new user’s ledger with the starter categories on first contact', async () => {
    const categories = await client.send(LEDGER.listCategories, { userId: uuidv4() });
    expect(categories.map((category) => category.name)).toEqual(expect.arrayContaining(['Groceries', 'Income']));
    expect(categories).toHaveLength(13);
  });

  it('creates, replays and reads a transaction', async () => {
    const userId = uuidv4();
    const [groceries] = await client.send(LEDGER.listCategories, { userId });
    const message = {
      userId,
      idempotency: { idempotencyKey: 'retry-safe-1' },
      body: { occurredOn: '2025-03-14', amount: '-23.4', currency: 'EUR', description: 'Market', categoryId: groceries.id },
    };
    const created = await client.send(LEDGER.createTransaction, message);
    const replayed = await client.send(LEDGER.createTransaction, message);

    expect(created.transaction).toMatchObject({ amount: '-23.40', categorySource: 'manual' });
    expect(replayed).toEqual({ transaction: created.transaction, replayed: true });
    expect(await client.send(LEDGER.getTransaction, { userId, id: created.transaction.id })).toEqual(
      created.transaction,
    );
    const page = await client.send(LEDGER.listTransactions, { userId, query: { limit: 10 } });
    expect(page).toEqual({ items: [created.transaction], nextCursor: null });
  });

  it('validates every message again, naming the fields', async () => {
    const error = await failureOf(
      client.send(LEDGER.createTransaction, {
        userId: uuidv4(),
        body: { occurredOn: '2025-02-30', amount: '1.234', currency: 'USD', description: 'x' },
      }),
    );
    expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, status: 400 });
    expect(JSON.stringify(error.details)).toMatch(/body\.occurredOn.*body\.amount|body\.amount.*body\.occurredOn/);
  });

  it('sends domain errors with their code, and another user’s transaction is not found', async () => {
    const owner = uuidv4();
    const { transaction } = await client.send(LEDGER.createTransaction, {
      userId: owner,
      body: { occurredOn: '2025-03-14', amount: '-1', currency: 'JPY', description: 'Gum' },
    });
    const error = await failureOf(client.send(LEDGER.getTransaction, { userId: uuidv4(), id: transaction.id }));
    expect(error).toMatchObject({ code: ErrorCode.TRANSACTION_NOT_FOUND, status: 404 });
  });
});
