import { HEALTH } from '@finstack/contracts';
import { pingDatabase } from '@finstack/database';
import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { ClassifierClient, InjectClassifier } from '../classifier/classifier-client';
import { InjectLedger, LedgerClient } from '../ledger/ledger-client';
import { InjectPortfolio, PortfolioClient } from '../portfolio/portfolio-client';
import { InjectReport, ReportClient } from '../reports/report-client';
import { InjectVar, VarClient } from '../var/var-client';

/** Readiness probes must answer fast even when a dependency hangs. */
const PROBE_TIMEOUT_MS = 1000;

type CheckResult = 'up' | 'down';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectLedger() private readonly ledger: LedgerClient,
    @InjectClassifier() private readonly classifier: ClassifierClient,
    @InjectReport() private readonly report: ReportClient,
    @InjectPortfolio() private readonly portfolio: PortfolioClient,
    @InjectVar() private readonly risk: VarClient,
  ) {}

  /** Liveness: the process serves HTTP. */
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the identity database and every downstream TCP service answer. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<{ status: string; checks: Record<string, CheckResult> }> {
    const [database, ledger, classifier, report, portfolio, risk] = await Promise.all([
      check(() => pingDatabase(this.dataSource)),
      check(() => this.ledger.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
      check(() => this.classifier.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
      check(() => this.report.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
      check(() => this.portfolio.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
      check(() => this.risk.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
    ]);
    const checks = { database, ledger, classifier, report, portfolio, var: risk };
    const allUp = Object.values(checks).every((result) => result === 'up');
    response.status(allUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: allUp ? 'ok' : 'unavailable', checks };
  }
}

async function check(probe: () => Promise<unknown>): Promise<CheckResult> {
  try {
    await probe();
    return 'up';
  } catch {
    return 'down';
  }
}
