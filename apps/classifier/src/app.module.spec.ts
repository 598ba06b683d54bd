import { CLASSIFIER, ClassifierContract, ErrorCode, HEALTH, HealthContract } from '@finstack/contracts';
import { RpcClient } from '@finstack/rpc';
import { failureOf, freePort, startTcpServiceUnderTest, TcpServiceUnderTest } from '@finstack/testing';
import { v4 as uuidv4 } from 'uuid';
import { ClassifierEnv } from './classifier-env';

/** The service booted the way main.ts boots it, on embedded SQLite, called over real TCP; the ledger is down. */
describe('classifier over TCP', () => {
  let service: TcpServiceUnderTest<ClassifierContract & HealthContract>;
  let client: RpcClient<ClassifierContract & HealthContract>;

  beforeAll(async () => {
    const [port, ledgerPort] = [await freePort(), await freePort()];
    const env = { CLASSIFIER_PORT: String(port), TRX_CRUD_PORT: String(ledgerPort) };
    service = await startTcpServiceUnderTest<ClassifierEnv, ClassifierContract & HealthContract>({
      name: 'classifier',
      settingsClass: ClassifierEnv,
      loadModule: async () => (await import('./app.module')).AppModule,
      port,
      env,
      listen: (settings) => ({ host: settings.CLASSIFIER_HOST, port: settings.CLASSIFIER_PORT }),
    });
    client = service.client;
  });

  afterAll(() => service.stop());

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
