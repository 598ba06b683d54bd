import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthIndicatorFunction } from '@nestjs/terminus';
import type { Response } from 'express';
import { AppHealth, HealthReport, httpStatusOf } from './app-health';

/** Checks only readiness runs, provided by an HTTP app for what it calls (the gateway: every TCP service). */
export const DOWNSTREAM_READINESS_CHECKS = Symbol('DOWNSTREAM_READINESS_CHECKS');

/** GET /health and /health/ready of an HTTP app (the TCP services serve the same through their ops listener). */
// Probes for load balancers and orchestrators, not part of the client API (docs/api.md lists them).
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: AppHealth,
    @Optional() @Inject(DOWNSTREAM_READINESS_CHECKS) private readonly downstream: HealthIndicatorFunction[] = [],
  ) {}

  /** Liveness: the process serves HTTP and its event loop is not blocked. */
  @Get()
  async live(@Res({ passthrough: true }) response: Response): Promise<HealthReport['body']> {
    return this.answer(await this.health.liveness(), response);
  }

  /** Readiness: not shutting down, and the app's own checks and what it calls answer. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthReport['body']> {
    return this.answer(await this.health.readiness(this.downstream), response);
  }

  private answer(report: HealthReport, response: Response): HealthReport['body'] {
    response.status(httpStatusOf(report));
    return report.body;
  }
}
