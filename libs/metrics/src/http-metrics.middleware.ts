import type { NextFunction, Request, Response } from 'express';
import { AppMetrics } from './app-metrics';
import { ERROR_CODE_LOCAL } from './error-code';

/** The label of requests no route matched: raw URLs would make one series per probe. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Times every HTTP request by method, route template and status once the
 * response is done (or the client went away), and counts the error code the
 * error filter answered.
 */
export function httpMetricsMiddleware(metrics: AppMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    res.once('close', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      const labels = {
        method: req.method,
        route: typeof route === 'string' ? `${req.baseUrl}${route}` : UNMATCHED_ROUTE,
        status: String(res.statusCode),
      };
      metrics.observeHttp(labels, (performance.now() - started) / 1000);
      const code: unknown = res.locals[ERROR_CODE_LOCAL];
      if (typeof code === 'string') metrics.errors.inc({ code, transport: 'http' });
    });
    next();
  };
}
