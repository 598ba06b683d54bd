import { Logger } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { requestIdOf } from './request-id.middleware';

const logger = new Logger('http');

/** Query parameters whose values never reach a log line. */
const SECRET_PARAMETER = /token|password|secret|key|auth/i;

/** One line per request once it is answered: method, path, status, time, request id. */
export function accessLogMiddleware(req: Request, res: Response, next: NextFunction): void {
  const began = performance.now();
  // Probes poll every few seconds: their lines only when asked for.
  const write = req.path.startsWith('/health') ? logger.debug.bind(logger) : logger.log.bind(logger);
  res.once('finish', () => {
    write({
      msg: 'request',
      method: req.method,
      url: withoutSecrets(req.originalUrl),
      status: res.statusCode,
      ms: Math.round((performance.now() - began) * 10) / 10,
      // Said outright: 'finish' fires outside the request's context.
      requestId: requestIdOf(req),
    });
  });
  next();
}

export function withoutSecrets(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = new URLSearchParams(url.slice(query + 1));
  for (const key of [...params.keys()]) if (SECRET_PARAMETER.test(key)) params.set(key, '[redacted]');
  return `${url.slice(0, query)}?${params.toString()}`;
}
