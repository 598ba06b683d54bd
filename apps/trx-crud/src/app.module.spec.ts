import { ErrorCode, HEALTH, HealthContract, ImportOptions, ImportView, LEDGER, LedgerContract } from '@finstack/contracts';
import { RpcClient } from '@finstack/rpc';
import { failureOf, freePort, startTcpServiceUnderTest, TcpServiceUnderTest } from '@finstack/testing';
import { v4 as uuidv4 } from 'uuid';
import { TrxCrudEnv } from './trx-crud-env';

/** The service booted the way main.ts boots it, on embedded SQLite, called over real TCP. */
describe('trx-crud over TCP', () => {
  let service: TcpServiceUnderTest<LedgerContract & HealthContract>;
  let client: RpcClient<LedgerContract & HealthContract>;

  beforeAll(async () => {
    const port = await freePort();
    // A port nobody listens on: the outbox relay keeps its events rather than reach whatever runs on the default one.
    const env = { TRX_CRUD_PORT: String(port), NOTIFICATIONS_TCP_PORT: String(await freePort()) };
    service = await startTcpServiceUnderTest<TrxCrudEnv, LedgerContract & HealthContract>({
      name: 'trx-crud',
      settingsClass: TrxCrudEnv,
      loadModule: async () => (await import('./app.module')).AppModule,
      port,
      env,
      listen: (settings) => ({ host: settings.TRX_CRUD_HOST, port: settings.TRX_CRUD_PORT }),
    });
    client = service.client;
  });

  afterAll(() => service.stop());

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

  it('imports a CSV sent in pieces, and sends a rejected import’s failed lines with its 422', async () => {
    const userId = uuidv4();
    // Columns not named keep their defaults (date, description), filled in by the service's validation pipe.
    const options = { amountColumn: 'Amount', currency: 'EUR', dateFormat: 'DD.MM.YYYY', decimalSeparator: ',', delimiter: ';' } as ImportOptions;
    const { importId } = await client.send(LEDGER.beginImport, { userId, options, fileName: 'march.csv' });
    await client.send(LEDGER.appendImport, { userId, importId, sequence: 0, chunk: 'Date;Amount;Description\n14.03.2025;-1.234,5' });
    await client.send(LEDGER.appendImport, { userId, importId, sequence: 1, chunk: '0;Rent\n' });
    const view = await client.send(LEDGER.finishImport, { userId, importId });

    expect(view).toEqual({
      importId,
      status: 'completed',
      inserted: 1,
      duplicates: 0,
      failed: [],
      failedCount: 0,
      createdAt: expect.stringMatching(/Z$/),
    });
    expect(await client.send(LEDGER.getImport, { userId, importId })).toEqual(view);
    const page = await client.send(LEDGER.listTransactions, { userId, query: { importId } });
    expect(page.items).toMatchObject([{ amount: '-1234.50', occurredOn: '2025-03-14', importId }]);

    const rejected = await client.send(LEDGER.beginImport, { userId, options });
    await client.send(LEDGER.appendImport, { userId, importId: rejected.importId, sequence: 0, chunk: 'Date;Amount;Description\n31.02.2025;-1;x\n' });
    const error = await failureOf(client.send(LEDGER.finishImport, { userId, importId: rejected.importId }));
    expect(error).toMatchObject({ code: ErrorCode.IMPORT_INVALID, status: 422 });
    expect((error.details as ImportView).failed).toEqual([{ line: 2, reason: expect.stringMatching(/not a real date/) }]);
  });

  it('refuses import options that name no amount column, and unknown options', async () => {
    const userId = uuidv4();
    for (const options of [{ currency: 'EUR' }, { amountColumn: 'a', currency: 'EUR', sheet: 2 }]) {
      const error = await failureOf(client.send(LEDGER.beginImport, { userId, options } as never));
      expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, status: 400 });
    }
  });
});
