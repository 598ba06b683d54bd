import './tracing';
import 'reflect-metadata';
import { ConfigError } from '@finstack/config';
import { startTcpService } from '@finstack/rpc';
import { ReportEnv } from './report-env';

async function bootstrap(): Promise<void> {
  // Imported here: the module reads the settings as it loads, and a bad variable must be reported plainly.
  const { AppModule } = await import('./app.module');
  await startTcpService({
    name: 'report',
    module: AppModule,
    settingsClass: ReportEnv,
    listen: (env) => ({ host: env.REPORT_HOST, port: env.REPORT_PORT }),
  });
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
