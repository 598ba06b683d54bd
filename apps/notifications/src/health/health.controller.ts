import { AppHealth, HealthReport, httpStatusOf } from '@finstack/lifecycle';
import { Controller, Get, Res } from '@nestjs/common';
import { Response } from 'express';

@Controller('health')
export class HealthController {
  constructor(private readonly health: AppHealth) {}

  /** Liveness: the process serves HTTP (and Socket.IO on the same port) and its event loop is not blocked. */
  @Get()
  async live(@Res({ passthrough: true }) response: Response): Promise<HealthReport['body']> {
    const report = await this.health.liveness();
    response.status(httpStatusOf(report));
    return report.body;
  }

  /** Readiness: not shutting down. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthReport['body']> {
    const report = await this.health.readiness();
    response.status(httpStatusOf(report));
    return report.body;
  }
}
