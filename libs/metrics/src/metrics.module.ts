import { DynamicModule, Global, INestApplication, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Express, Request, Response } from 'express';
import { AppMetrics } from './app-metrics';
import { httpMetricsMiddleware } from './http-metrics.middleware';
import { RpcMetricsInterceptor } from './rpc-metrics.interceptor';

/**
 * The app's metrics (inject AppMetrics) and the timing of every TCP message
 * it handles. HTTP apps also call `serveHttpMetrics`; TCP apps expose them on
 * their ops listener (libs/lifecycle).
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(app: string): DynamicModule {
    return {
      module: MetricsModule,
      providers: [
        { provide: AppMetrics, useValue: new AppMetrics(app) },
        { provide: APP_INTERCEPTOR, useClass: RpcMetricsInterceptor },
      ],
      exports: [AppMetrics],
    };
  }
}

/**
 * Times every request of an HTTP app and answers `GET /metrics` outside the
 * API prefix and without authentication: keep it off the public internet.
 * Call before the app listens, so it runs ahead of every route.
 */
export function serveHttpMetrics(app: INestApplication): void {
  const metrics = app.get(AppMetrics);
  app.use(httpMetricsMiddleware(metrics));
  (app.getHttpAdapter().getInstance() as Express).get('/metrics', (_req: Request, res: Response, next) => {
    metrics
      .scrape()
      .then(({ contentType, body }) => res.type(contentType).send(body))
      .catch(next);
  });
}
