import './tracing';
import 'reflect-metadata';
import { ConfigError } from '@finstack/config';
import { startTcpService } from '@finstack/rpc';
import { VarEnv } from './var-env';

async function bootstrap(): Promise<void> {
  // Imported here: the module reads the settings as it loads, and a bad variable must be reported plainly.
  const { AppModule } = await import('./app.module');
  await startTcpService({
    name: 'var',
    module: AppModule,
    settingsClass: VarEnv,
    listen: (env) => ({ host: env.VAR_HOST, port: env.VAR_PORT }),
  });
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
