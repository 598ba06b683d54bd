import { NestExpressApplication } from '@nestjs/platform-express';
import { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * helmet's defaults (nosniff, no framing, HSTS, ...) with a CSP that still
 * lets Swagger UI at /docs and the console run: their scripts come from this
 * origin, their styles are partly inline, and Swagger UI shows data: images.
 */
export function useSecurityHeaders(app: NestExpressApplication): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // The console's assets and API answers are fetched by its own origin only.
      crossOriginResourcePolicy: { policy: 'same-site' },
    }),
  );
  // Tokens and account answers must never sit in a cache, shared or not.
  app.use('/api/v1/auth', (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
}

/** CORS for the listed origins only: the headers a front end sends and reads, preflight included. */
export function useCors(app: NestExpressApplication, origins: readonly string[]): void {
  if (origins.length === 0) return;
  app.enableCors({
    origin: [...origins],
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'X-Api-Key', 'X-Finstack-Auth'],
    exposedHeaders: ['X-Request-Id', 'Location', 'Retry-After', 'Idempotent-Replayed', 'Content-Disposition'],
    maxAge: 600,
  });
}
