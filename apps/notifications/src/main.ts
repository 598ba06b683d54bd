import './tracing';
import 'reflect-metadata';
import { ConfigError, loadEnv } from '@finstack/config';
import { enableGracefulShutdown } from '@finstack/lifecycle';
import { serveHttpMetrics } from '@finstack/metrics';
import { CallerGuard, configureCallAuth, createLogger, tcpTransport } from '@finstack/rpc';
import { NestFactory } from '@nestjs/core';
import { CustomStrategy } from '@nestjs/microservices';
import { NotificationsEnv } from './notifications-env';
import { REDIS, RedisConnection } from './redis/redis-connection';
import { SocketServerAdapter } from './sockets/socket-server.adapter';

async function bootstrap(): Promise<void> {
  const env = loadEnv(NotificationsEnv);
  const logger = createLogger('notifications', env.LOG_LEVEL, env.LOG_FORMAT);
  configureCallAuth('notifications', env);
  // Loaded after the settings are known to be valid, so a bad variable is reported plainly.
  const { AppModule } = await import('./app.module');
  const app = await NestFactory.create(AppModule, { logger });
  app.useGlobalGuards(new CallerGuard()); // only TCP calls: HTTP and Socket.IO pass through
  app.useWebSocketAdapter(new SocketServerAdapter(app, app.get<RedisConnection | null>(REDIS), env.REDIS_KEY_PREFIX, env.CORS_ORIGINS));
  app.connectMicroservice<CustomStrategy>(
    tcpTransport({ host: env.NOTIFICATIONS_HOST, port: env.NOTIFICATIONS_TCP_PORT }),
    { inheritAppConfig: true }, // the global interceptors (metrics, drain) apply to events in too
  );
  serveHttpMetrics(app);
  enableGracefulShutdown(app);
  // The Socket.IO server exists once the app is initialised; only then are events taken in.
  await app.init();
  await app.startAllMicroservices();
  await app.listen(env.NOTIFICATIONS_PORT, env.HTTP_HOST);
  logger.log(`notifications: Socket.IO on http://${env.HTTP_HOST}:${env.NOTIFICATIONS_PORT}/socket.io, events in on tcp://${env.NOTIFICATIONS_HOST}:${env.NOTIFICATIONS_TCP_PORT}`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
