import { createValidationPipe } from '@finstack/rpc';
import { NestExpressApplication } from '@nestjs/platform-express';
import { bodyParserErrorsMiddleware } from './body-parser-errors.middleware';
import { HttpExceptionFilter } from './http-exception.filter';
import { requestIdMiddleware } from './request-id.middleware';

/** Bodies above this are refused with 413 before any parsing work. */
const MAX_BODY = '1mb';

/**
 * The gateway's HTTP stack: request ids, JSON bodies up to 1 MB, routes under
 * /api/v1 (health outside it), one error shape, one validation pipe. The API
 * benchmark's in-process baseline uses it too, so the two compare like for like.
 */
export function configureHttpApp(app: NestExpressApplication, options: { trustProxyHops: number }): void {
  app.set('trust proxy', options.trustProxyHops);
  app.disable('x-powered-by');
  // Responses are private and paged by cursor: hashing every body for an ETag bought nothing.
  app.set('etag', false);
  app.use(requestIdMiddleware);
  app.useBodyParser('json', { limit: MAX_BODY });
  app.use(bodyParserErrorsMiddleware);
  app.setGlobalPrefix('api/v1', { exclude: ['health', 'health/ready'] });
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalPipes(createValidationPipe());
}
