import { Inject, Injectable, OnModuleDestroy, Optional, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DrainState } from './drain-state';
import { ReadinessRegistry } from './readiness-registry';

/** What a probe answers: 200 with `ok`, or 503 with what is down and why. */
export interface HealthReport {
  ok: boolean;
  body: {
    status: 'ok' | 'unavailable';
    /** Each check, up or down: the short form operators and scripts read. */
    checks: Record<string, 'up' | 'down'>;
    /** What each check found (terminus's details: messages, timings). */
    details: HealthCheckResult['details'];
  };
}

/** The HTTP status a probe answers with. */
export function httpStatusOf(report: HealthReport): 200 | 503 {
  return report.ok ? 200 : 503;
}

/** Readiness checks the app adds to its own (e.g. its database); see LifecycleModule. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** A loop this late at its 99th percentile since the last probe serves nobody in time. */
const BLOCKED_LOOP_P99_MS = 1000;

/**
 * Liveness and readiness through @nestjs/terminus. Liveness: the process
 * answers and its event loop is not blocked. Readiness: it is not shutting
 * down and what it depends on answers (the app's checks plus the caller's).
 */
@Injectable()
export class AppHealth implements OnModuleDestroy {
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 20 });

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly drain: DrainState,
    @Inject(READINESS_CHECKS) private readonly readinessChecks: HealthIndicatorFunction[],
    @Optional() private readonly registry?: ReadinessRegistry,
  ) {
    this.loopDelay.enable();
  }

  liveness(): Promise<HealthReport> {
    return this.run([() => this.eventLoop()]);
  }

  readiness(extra: HealthIndicatorFunction[] = []): Promise<HealthReport> {
    return this.run([() => this.accepting(), ...this.readinessChecks, ...(this.registry?.checks ?? []), ...extra]);
  }

  onModuleDestroy(): void {
    this.loopDelay.disable();
  }

  private accepting() {
    const check = this.indicators.check('accepting');
    return this.drain.isDraining ? check.down({ message: 'shutting down' }) : check.up();
  }

  private eventLoop() {
    const p99Ms = this.loopDelay.percentile(99) / 1e6;
    const maxMs = this.loopDelay.max / 1e6;
    this.loopDelay.reset();
    const check = this.indicators.check('eventLoop');
    const data = { p99DelayMs: Math.round(p99Ms), maxDelayMs: Math.round(maxMs) };
    return p99Ms > BLOCKED_LOOP_P99_MS ? check.down(data) : check.up(data);
  }

  private async run(checks: HealthIndicatorFunction[]): Promise<HealthReport> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check(checks);
    } catch (error) {
      // Terminus throws its result as a 503 when a check is down.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
    }
    const checksByName = Object.fromEntries(
      Object.entries(result.details).map(([name, detail]) => [name, detail.status === 'up' ? 'up' : 'down'] as const),
    );
    const ok = result.status === 'ok';
    return { ok, body: { status: ok ? 'ok' : 'unavailable', checks: checksByName, details: result.details } };
  }
}
