import './tracing';
import 'reflect-metadata';
import { ConfigError } from '@finstack/config';
import { startTcpService } from '@finstack/rpc';
import { TrxCrudEnv } from './trx-crud-env';

async function bootstrap(): Promise<void> {
  // Imported here: the module reads the settings as it loads, and a bad variable must be reported plainly.
  const { AppModule } = await import('./app.module');
  await startTcpService({
    name: 'trx-crud',
    module: AppModule,
    settingsClass: TrxCrudEnv,
    listen: (env) => ({ host: env.TRX_CRUD_HOST, port: env.TRX_CRUD_PORT }),
  });
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
