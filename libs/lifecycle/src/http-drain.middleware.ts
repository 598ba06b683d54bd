import type { NextFunction, Request, Response } from 'express';
import { DrainState } from './drain-state';

/**
 * HTTP side of a graceful shutdown: counts requests in flight, and once the
 * app drains, answers each with `Connection: close`, so a keep-alive client
 * opens its next request elsewhere instead of on a socket about to close.
 */
export function httpDrainMiddleware(drain: DrainState) {
  const active = new Set<Response>();
  drain.onDraining(() => {
    for (const res of active) if (!res.headersSent) res.setHeader('Connection', 'close');
  });
  return (_req: Request, res: Response, next: NextFunction): void => {
    const done = drain.track();
    active.add(res);
    if (drain.isDraining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      active.delete(res);
      done();
    });
    next();
  };
}
