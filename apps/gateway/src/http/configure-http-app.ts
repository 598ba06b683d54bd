import { createValidationPipe } from '@finstack/rpc';
import { NestExpressApplication } from '@nestjs/platform-express';
import { json } from 'express';
import { bodyParserErrorsMiddleware } from './body-parser-errors.middleware';
import { HttpExceptionFilter } from './http-exception.filter';
import { accessLogMiddleware } from './access-log.middleware';
import { jsonBodyShapeMiddleware } from './json-body-shape.middleware';
import { requestContextMiddleware, requestIdMiddleware } from './request-id.middleware';

/** Bodies above this are refused with 413 before any parsing work. */
const MAX_BODY = '1mb';

/**
 * Routes that take more: a score request holds up to 10,000 transactions
 * with descriptions (about 6 MB), and one item too many must be a 400 that
 * says so, not a 413. Parsed here first, the body is then left alone by the
 * 1 MB parser.
 */
const LARGER_BODIES: ReadonlyArray<{ path: string; limit: string }> = [{ path: '/api/v1/reports/score', limit: '8mb' }];

/**
 * The gateway's HTTP stack: request ids, an access log, JSON bodies up to 1 MB (8 MB for scoring), routes under
 * /api/v1 (health outside it), one error shape, one validation pipe. The API
 * benchmark's in-process baseline uses it too, so the two compare like for like.
 */
export function configureHttpApp(app: NestExpressApplication, options: { trustProxyHops: number }): void {
  app.set('trust proxy', options.trustProxyHops);
  app.disable('x-powered-by');
  // Responses are private and paged by cursor: hashing every body for an ETag bought nothing.
  app.set('etag', false);
  app.use(requestIdMiddleware);
  app.use(accessLogMiddleware);
  for (const { path, limit } of LARGER_BODIES) app.use(path, json({ limit }));
  app.useBodyParser('json', { limit: MAX_BODY });
  app.use(jsonBodyShapeMiddleware);
  app.use(bodyParserErrorsMiddleware);
  app.use(requestContextMiddleware);
  app.setGlobalPrefix('api/v1', { exclude: ['health', 'health/ready', '.well-known/jwks.json'] });
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalPipes(createValidationPipe());
}
