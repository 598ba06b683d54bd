import { flushTracing } from '@finstack/tracing';
import { INestApplication, INestMicroservice, Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Server as NetServer } from 'node:net';
import { DrainState } from './drain-state';
import { httpDrainMiddleware } from './http-drain.middleware';
import { TcpConnections } from './tcp-connections';

/** After this, the process exits whatever is still running (ECS sends SIGKILL at 30 s). */
export const SHUTDOWN_TIMEOUT_MS = 25_000;

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/** How long requests already sent on keep-alive connections get to arrive before idle sockets close. */
const KEEP_ALIVE_GRACE_MS = 250;

/**
 * Replaces Nest's shutdown hooks with an ordered, bounded shutdown on
 * SIGTERM/SIGINT: readiness fails at once; the HTTP server stops accepting
 * connections and finishes the requests in flight (keep-alive sockets close
 * after their current answer); TCP messages in flight finish and new ones are
 * refused, and their connections end once the callers have read the last
 * replies; then Nest closes the app: outbox relays after their current batch
 * (onModuleDestroy), servers and sockets, then database pools and clients
 * (onApplicationShutdown); last, the spans still batched are sent (at most
 * 3 s). Past `timeoutMs` the process exits anyway.
 * Call before the app listens (the HTTP middleware must run ahead of routes).
 */
export function enableGracefulShutdown(
  app: INestApplication | INestMicroservice,
  options: { timeoutMs?: number; logger?: Logger } = {},
): void {
  const drain = app.get(DrainState);
  const logger = options.logger ?? new Logger('Shutdown');
  const timeoutMs = options.timeoutMs ?? SHUTDOWN_TIMEOUT_MS;
  const http = isHttpApp(app) ? (app.getHttpServer() as Server) : undefined;
  if (isHttpApp(app)) app.use(httpDrainMiddleware(drain));
  // A TCP service, or the TCP side of a hybrid app (connect its microservices first).
  const microservices = isHttpApp(app) ? app.getMicroservices() : [app];
  const tcp = microservices.map((service) => new TcpConnections(service.unwrap<NetServer>()));

  let shuttingDown = false;
  const shutDown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const began = Date.now();
    const deadline = setTimeout(() => {
      logger.error(`still busy ${timeoutMs} ms after ${signal} (${drain.pending} in flight): exiting anyway`);
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    logger.log(`${signal}: draining ${drain.pending} requests in flight`);
    drain.begin();
    // Requests already sent on keep-alive sockets may still be on their way or unread: for a short grace they
    // are read and answered (with Connection: close) before their sockets could count as idle and be reset.
    // One turn of the event loop was not always enough on a busy host.
    await new Promise((resolve) => setTimeout(resolve, KEEP_ALIVE_GRACE_MS));
    // No new connections; idle keep-alive sockets close now (Node's close() does that), busy ones after their answer.
    http?.close();
    for (const connections of tcp) connections.stopAccepting();
    await drain.idle();
    // Nest writes an RPC reply on the tick after its handler completes: let those go out before the sockets end.
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all(tcp.map((connections) => connections.endAll()));
    http?.closeIdleConnections();
    try {
      await app.close();
    } catch (error) {
      logger.error(`error while closing: ${(error as Error).message}`);
      process.exitCode = 1;
    }
    await flushTracing();
    clearTimeout(deadline);
    logger.log(`stopped ${Date.now() - began} ms after ${signal}`);
    process.exit();
  };
  for (const signal of SIGNALS) process.on(signal, (received: NodeJS.Signals) => void shutDown(received));
}

function isHttpApp(app: INestApplication | INestMicroservice): app is INestApplication {
  return typeof (app as Partial<INestApplication>).getHttpServer === 'function';
}
