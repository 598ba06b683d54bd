import { DomainError, ErrorCode } from '@finstack/contracts';
import { NextFunction, Request, Response } from 'express';

/** body-parser's error types, and what a caller should be told about each. */
const BODY_PARSER_ERRORS: Record<string, [ErrorCode, string]> = {
  'entity.parse.failed': [ErrorCode.MALFORMED_JSON, 'request body is not valid JSON'],
  'entity.too.large': [ErrorCode.PAYLOAD_TOO_LARGE, 'request body is larger than 1 MB'],
  'encoding.unsupported': [ErrorCode.VALIDATION_FAILED, 'unsupported content encoding'],
  'charset.unsupported': [ErrorCode.VALIDATION_FAILED, 'unsupported charset; send UTF-8'],
  'request.aborted': [ErrorCode.VALIDATION_FAILED, 'request body was cut short'],
  'request.size.invalid': [ErrorCode.VALIDATION_FAILED, 'request body is shorter than its Content-Length'],
};

/**
 * Registered right after the body parser: turns its errors into DomainErrors
 * before Nest folds them into a bare 400, so the error filter can say which.
 */
export function bodyParserErrorsMiddleware(error: unknown, req: Request, _res: Response, next: NextFunction): void {
  const { type, limit, status } = (error ?? {}) as { type?: string; limit?: unknown; status?: unknown };
  // A decompression stream's own error (gzip header check, truncated data) arrives untyped, marked 400.
  if (type === undefined && status === 400 && req.headers['content-encoding']) {
    return next(new DomainError(ErrorCode.VALIDATION_FAILED, `request body is not valid ${req.headers['content-encoding']} data`));
  }
  const known = BODY_PARSER_ERRORS[type ?? ''];
  if (!known) return next(error);
  // Scoring takes larger bodies than other routes: name the limit of the parser that refused.
  const tooLarge = type === 'entity.too.large' && typeof limit === 'number';
  next(new DomainError(known[0], tooLarge ? `request body is larger than ${limit / 2 ** 20} MB` : known[1]));
}
