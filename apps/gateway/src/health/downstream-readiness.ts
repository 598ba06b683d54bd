import { HEALTH } from '@finstack/contracts';
import { DOWNSTREAM_READINESS_CHECKS } from '@finstack/lifecycle';
import { rpcClientToken } from '@finstack/rpc';
import { Provider } from '@nestjs/common';
import { HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { CLASSIFIER_SERVICE, ClassifierClient } from '../classifier/classifier-client';
import { LEDGER_SERVICE, LedgerClient } from '../ledger/ledger-client';
import { PORTFOLIO_SERVICE, PortfolioClient } from '../portfolio/portfolio-client';
import { REPORT_SERVICE, ReportClient } from '../reports/report-client';
import { VAR_SERVICE, VarClient } from '../var/var-client';

/** Readiness probes must answer fast even when a dependency hangs. */
const PROBE_TIMEOUT_MS = 1000;

/** The gateway is ready only when every TCP service it routes to answers a ping. */
export const downstreamReadiness: Provider = {
  provide: DOWNSTREAM_READINESS_CHECKS,
  inject: [HealthIndicatorService, ...[LEDGER_SERVICE, CLASSIFIER_SERVICE, REPORT_SERVICE, PORTFOLIO_SERVICE, VAR_SERVICE].map(rpcClientToken)],
  useFactory: (
    indicators: HealthIndicatorService,
    ledger: LedgerClient,
    classifier: ClassifierClient,
    report: ReportClient,
    portfolio: PortfolioClient,
    risk: VarClient,
  ): HealthIndicatorFunction[] => {
    const ping = (name: string, send: () => Promise<unknown>): HealthIndicatorFunction => async () => {
      const check = indicators.check(name);
      try {
        await send();
        return check.up();
      } catch (error) {
        return check.down({ message: (error as Error).message });
      }
    };
    return [
      ping('ledger', () => ledger.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
      ping('classifier', () => classifier.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
      ping('report', () => report.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
      ping('portfolio', () => portfolio.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
      ping('var', () => risk.send(HEALTH.ping, {}, PROBE_TIMEOUT_MS)),
    ];
  },
};
