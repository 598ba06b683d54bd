import { runWithRequestContext } from '@finstack/rpc';
import { Request, Response, NextFunction } from 'express';
import { v7 as uuidv7 } from 'uuid';

const ACCEPTABLE = /^[\x21-\x7e]{1,128}$/;

export interface RequestWithId extends Request {
  requestId: string;
}

/** Keeps a caller's X-Request-Id (when sane) or makes one, and echoes it, so a request can be traced through every hop. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.header('x-request-id');
  const requestId = given && ACCEPTABLE.test(given) ? given : uuidv7();
  (req as RequestWithId).requestId = requestId;
  res.setHeader('X-Request-Id', requestId);
  next();
}

/**
 * Runs the rest of the request inside its request context, so every log line
 * and every TCP call it makes carries the id. Registered after the body
 * parsers: they resume the chain from a socket callback, outside any context
 * entered before them.
 */
export function requestContextMiddleware(req: Request, _res: Response, next: NextFunction): void {
  runWithRequestContext({ requestId: requestIdOf(req), userToken: bearerTokenOf(req) }, next);
}

/**
 * The caller's access token, forwarded with every TCP call this request makes
 * so each service checks for itself whose data it acts on. Routes without the
 * JWT guard never reach a user-only pattern with it unverified: the service verifies it.
 */
function bearerTokenOf(req: Request): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/.exec(req.header('authorization') ?? '');
  return match?.[1];
}

export function requestIdOf(req: Request): string | undefined {
  return (req as Partial<RequestWithId>).requestId;
}
