import './tracing';
import 'reflect-metadata';
import { ConfigError } from '@finstack/config';
import { startTcpService } from '@finstack/rpc';
import { PortfolioEnv } from './portfolio-env';

async function bootstrap(): Promise<void> {
  // Imported here: the module reads the settings as it loads, and a bad variable must be reported plainly.
  const { AppModule } = await import('./app.module');
  await startTcpService({
    name: 'portfolio',
    module: AppModule,
    settingsClass: PortfolioEnv,
    listen: (env) => ({ host: env.PORTFOLIO_HOST, port: env.PORTFOLIO_PORT }),
  });
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
