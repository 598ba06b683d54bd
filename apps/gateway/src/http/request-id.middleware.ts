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

export function requestIdOf(req: Request): string | undefined {
  return (req as Partial<RequestWithId>).requestId;
}
