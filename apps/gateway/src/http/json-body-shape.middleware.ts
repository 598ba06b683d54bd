import { DomainError, ErrorCode } from '@finstack/contracts';
import { payloadShapeProblem } from '@finstack/rpc';
import { NextFunction, Request, Response } from 'express';

/** Registered right after the JSON body parser: a body too deep, or naming a prototype key, is a 400 before any pipe walks it. */
export function jsonBodyShapeMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const problem = payloadShapeProblem(req.body);
  next(problem ? new DomainError(ErrorCode.VALIDATION_FAILED, problem) : undefined);
}
