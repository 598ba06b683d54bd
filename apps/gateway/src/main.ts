import './tracing';
import 'reflect-metadata';
import { ConfigError, loadEnv } from '@finstack/config';
import { enableGracefulShutdown } from '@finstack/lifecycle';
import { serveHttpMetrics } from '@finstack/metrics';
import { createLogger } from '@finstack/rpc';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { GatewayEnv } from './gateway-env';
import { configureHttpApp } from './http/configure-http-app';
import { proxySocketIo } from './web/socket-proxy';
import { serveWebConsole } from './web/web-console';

async function bootstrap(): Promise<void> {
  const env = loadEnv(GatewayEnv);
  const logger = createLogger('gateway', env.LOG_LEVEL, env.LOG_FORMAT);
  // Loaded after the settings are known to be valid, so a bad variable is reported plainly.
  const { AppModule } = await import('./app.module');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, logger });
  serveHttpMetrics(app);
  enableGracefulShutdown(app);
  configureHttpApp(app, { trustProxyHops: env.TRUST_PROXY_HOPS });

  const openApi = new DocumentBuilder()
    .setTitle('finstack API')
    .setDescription('Personal finance: accounts, ledger, categories. Money is a decimal string with an ISO 4217 currency.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'docs-json',
  });

  if (env.NOTIFICATIONS_URL) proxySocketIo(app, env.NOTIFICATIONS_URL);
  if (!serveWebConsole(app, env.WEB_DIR)) logger.warn(`no web console at ${env.WEB_DIR} (npm run build:web builds it)`);

  await app.listen(env.PORT, env.HTTP_HOST);
  logger.log(`gateway listening on http://${env.HTTP_HOST}:${env.PORT}`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
