import './tracing';
import 'reflect-metadata';
import { ConfigError, loadEnv } from '@finstack/config';
import { enableGracefulShutdown } from '@finstack/lifecycle';
import { serveHttpMetrics } from '@finstack/metrics';
import { configureCallAuth, createLogger } from '@finstack/rpc';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { GatewayEnv } from './gateway-env';
import { configureHttpApp } from './http/configure-http-app';
import { useCors, useSecurityHeaders } from './http/security-headers';
import { serveOpenApi } from './openapi/openapi-document';
import { proxySocketIo } from './web/socket-proxy';
import { serveWebConsole } from './web/web-console';

async function bootstrap(): Promise<void> {
  const env = loadEnv(GatewayEnv);
  const logger = createLogger('gateway', env.LOG_LEVEL, env.LOG_FORMAT);
  configureCallAuth('gateway', env);
  // Loaded after the settings are known to be valid, so a bad variable is reported plainly.
  const { AppModule } = await import('./app.module');
  // Case-sensitive before Express makes its router (Nest touches it while creating the app):
  // /METRICS must not reach what a load balancer refuses as /metrics.
  const server = express();
  server.set('case sensitive routing', true);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, new ExpressAdapter(server), { bodyParser: false, logger });
  useSecurityHeaders(app);
  useCors(app, env.CORS_ORIGINS);
  serveHttpMetrics(app);
  enableGracefulShutdown(app);
  configureHttpApp(app, { trustProxyHops: env.TRUST_PROXY_HOPS });

  serveOpenApi(app, env.API_DOCS);

  if (env.NOTIFICATIONS_URL) proxySocketIo(app, env.NOTIFICATIONS_URL);
  if (!serveWebConsole(app, env.WEB_DIR)) logger.warn(`no web console at ${env.WEB_DIR} (npm run build:web builds it)`);

  await app.listen(env.PORT, env.HTTP_HOST);
  logger.log(`gateway listening on http://${env.HTTP_HOST}:${env.PORT}`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
