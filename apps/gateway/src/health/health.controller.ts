import { HEALTH } from '@finstack/contracts';
import { AppHealth, HealthReport, httpStatusOf } from '@finstack/lifecycle';
import { Controller, Get, Res } from '@nestjs/common';
import { HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ClassifierClient, InjectClassifier } from '../classifier/classifier-client';
import { InjectLedger, LedgerClient } from '../ledger/ledger-client';
import { InjectPortfolio, PortfolioClient } from '../portfolio/portfolio-client';
import { InjectReport, ReportClient } from '../reports/report-client';
import { InjectVar, VarClient } from '../var/var-client';

/** Readiness probes must answer fast even when a dependency hangs. */
const PROBE_TIMEOUT_MS = 1000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly services: HealthIndicatorFunction[];

  constructor(
    private readonly health: AppHealth,
    indicators: HealthIndicatorService,
    @InjectLedger() ledger: LedgerClient,
    @InjectClassifier() classifier: ClassifierClient,
    @InjectReport() report: ReportClient,
    @InjectPortfolio() portfolio: PortfolioClient,
    @InjectVar() risk: VarClient,
  ) {
    const ping = (name: string, send: () => Promise<unknown>): HealthIndicatorFunction => async () => {
      const check = indicators.check(name);
      try {
        await send();
        return check.up();
      } catch (error) {
        return check.down({ message: (error as Error).message });
      }
    };
    this.services = [
      ping('ledger', () => ledger.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
      ping('classifier', () => classifier.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
      ping('report', () => report.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
      ping('portfolio', () => portfolio.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
      ping('var', () => risk.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
    ];
  }

  /** Liveness: the process serves HTTP and its event loop is not blocked. */
  @Get()
  async live(@Res({ passthrough: true }) response: Response): Promise<HealthReport['body']> {
    const report = await this.health.liveness();
    response.status(httpStatusOf(report));
    return report.body;
  }

  /** Readiness: not shutting down, and the identity database and every downstream TCP service answer. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthReport['body']> {
    const report = await this.health.readiness(this.services);
    response.status(httpStatusOf(report));
    return report.body;
  }
}

