import { Injectable } from '@nestjs/common';
import { HealthIndicatorFunction } from '@nestjs/terminus';

/**
 * Readiness checks a feature module adds at start (e.g. a market-data
 * provider's circuit), reported with the app's own in /health/ready. A check
 * that reports a degraded dependency answers `up` with its state in the
 * details: the app still serves.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly added: HealthIndicatorFunction[] = [];

  add(check: HealthIndicatorFunction): void {
    this.added.push(check);
  }

  get checks(): readonly HealthIndicatorFunction[] {
    return this.added;
  }
}
