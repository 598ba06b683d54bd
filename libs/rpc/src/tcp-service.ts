import { CommonEnv, loadEnv } from '@finstack/config';
import { enableGracefulShutdown } from '@finstack/lifecycle';
import { INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { createLogger } from './logger';
import { AllRpcExceptionsFilter } from './rpc-exception.filter';
import { MAX_FRAME_BYTES } from './tcp-frame';
import { createValidationPipe } from './validation';

export interface TcpServiceOptions<E extends CommonEnv> {
  name: string;
  module: Type<unknown>;
  settingsClass: new () => E;
  listen: (env: E) => { host: string; port: number };
}

/**
 * Starts one TCP microservice the same way for every app: validated
 * configuration, the shared exception filter and validation pipe, JSON logs,
 * and graceful shutdown on SIGTERM/SIGINT (the app imports LifecycleModule).
 */
export async function startTcpService<E extends CommonEnv>(options: TcpServiceOptions<E>): Promise<INestMicroservice> {
  const env = loadEnv(options.settingsClass);
  const logger = createLogger(options.name, env.LOG_LEVEL, env.LOG_FORMAT);
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(options.module, {
    transport: Transport.TCP,
    options: { ...options.listen(env), maxBufferSize: MAX_FRAME_BYTES },
    logger,
  });
  app.useGlobalFilters(new AllRpcExceptionsFilter());
  app.useGlobalPipes(createValidationPipe());
  enableGracefulShutdown(app);
  await app.listen();
  const { host, port } = options.listen(env);
  logger.log(`${options.name} listening on tcp://${host}:${port}`);
  return app;
}
