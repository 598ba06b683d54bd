import { CommonEnv, loadEnv } from '@finstack/config';
import { enableGracefulShutdown } from '@finstack/lifecycle';
import { INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CustomStrategy } from '@nestjs/microservices';
import { configureCallAuth } from './call-auth';
import { CallerGuard } from './callable-by';
import { ContextualTcpServer } from './contextual-tcp-server';
import { createLogger } from './logger';
import { AllRpcExceptionsFilter } from './rpc-exception.filter';
import { ServiceSocket } from './service-socket';
import { createValidationPipe } from './validation';

export interface TcpServiceOptions<E extends CommonEnv> {
  name: string;
  module: Type<unknown>;
  settingsClass: new () => E;
  listen: (env: E) => { host: string; port: number };
}

/**
 * Starts one TCP microservice the same way for every app: validated
 * configuration, the shared exception filter and validation pipe, the caller
 * check of every pattern (CallerGuard), JSON logs,
 * handlers run in their caller's request and trace context, and graceful
 * shutdown on SIGTERM/SIGINT (the app imports LifecycleModule).
 */
export async function startTcpService<E extends CommonEnv>(options: TcpServiceOptions<E>): Promise<INestMicroservice> {
  const env = loadEnv(options.settingsClass);
  const logger = createLogger(options.name, env.LOG_LEVEL, env.LOG_FORMAT);
  configureCallAuth(options.name, env);
  const app = await NestFactory.createMicroservice<CustomStrategy>(options.module, { ...tcpTransport(options.listen(env)), logger });
  app.useGlobalFilters(new AllRpcExceptionsFilter());
  app.useGlobalGuards(new CallerGuard());
  app.useGlobalPipes(createValidationPipe());
  enableGracefulShutdown(app);
  await app.listen();
  const { host, port } = options.listen(env);
  logger.log(`${options.name} listening on tcp://${host}:${port}`);
  return app;
}

/**
 * The TCP transport of every service: bounded frames, handlers run in their
 * caller's context, nothing handled or written on a connection once shutdown has ended it.
 */
export function tcpTransport(listen: { host: string; port: number }): CustomStrategy {
  return { strategy: new ContextualTcpServer({ ...listen, socketClass: ServiceSocket }) };
}
