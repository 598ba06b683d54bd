import { DomainError, ErrorCode } from '@finstack/contracts';
import { NextFunction, Request, Response } from 'express';

/** Deeper than any body of the API (a rule's condition values are 4 levels down), far below what overflows the stack. */
export const MAX_JSON_DEPTH = 32;

/** Keys that name an object's prototype: the validation pipe drops them silently, so a body holding one is refused here, by name. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Registered right after the JSON body parser. The validation pipe and
 * class-transformer walk a body recursively, so a body nested thousands of
 * levels deep overflowed the stack (a 500); this walk is iterative and stops
 * at the first level too deep.
 */
export function jsonBodyShapeMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const problem = shapeProblem(req.body);
  next(problem ? new DomainError(ErrorCode.VALIDATION_FAILED, problem) : undefined);
}

/** Why a parsed JSON value is refused, or undefined when its shape is acceptable. */
export function shapeProblem(body: unknown): string | undefined {
  const pending: Array<[unknown, number]> = [[body, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return `request body is nested more than ${MAX_JSON_DEPTH} levels deep`;
    for (const key of Object.keys(value)) {
      if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) return `property ${key} should not exist`;
      pending.push([(value as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return undefined;
}
