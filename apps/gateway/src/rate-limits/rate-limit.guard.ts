import { DomainError, ErrorCode } from '@finstack/contracts';
import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerStorage } from '@nestjs/throttler';
import { Request, Response } from 'express';
import { GatewayEnv } from '../gateway-env';
import { RateLimitName, RateLimitRule, rateLimitRules } from './rate-limits';

const RATE_LIMIT = 'finstack:rate-limit';

/**
 * Counts each request to a route against its limit (see rate-limits.ts) in
 * @nestjs/throttler's storage: Redis when REDIS_URL is set, shared by every
 * replica, memory otherwise. Answers carry the IETF RateLimit-Policy and
 * RateLimit headers; past the limit, 429 TOO_MANY_REQUESTS with Retry-After.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly rules: Record<RateLimitName, RateLimitRule>;

  constructor(
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    private readonly reflector: Reflector,
    env: GatewayEnv,
  ) {
    this.rules = rateLimitRules(env);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.reflector.get<RateLimitName | undefined>(RATE_LIMIT, context.getHandler());
    if (!name) return true;
    const rule = this.rules[name];
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const record = await this.storage.increment(`${name}:${rule.tracker(request)}`, rule.windowSeconds * 1000, rule.limit, rule.windowSeconds * 1000, name);
    response.setHeader('RateLimit-Policy', `"${name}";q=${rule.limit};w=${rule.windowSeconds}`);
    response.setHeader('RateLimit', `"${name}";r=${Math.max(0, rule.limit - record.totalHits)};t=${record.timeToExpire}`);
    if (record.isBlocked) {
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, `too many requests of this kind; try again in ${record.timeToBlockExpire} seconds`, {
        retryAfterSeconds: record.timeToBlockExpire,
      });
    }
    return true;
  }
}

/** Puts a route under one of the named limits (its ApiRoute declares the 429). */
export const RateLimited = (name: RateLimitName) =>
  applyDecorators(SetMetadata(RATE_LIMIT, name), UseGuards(RateLimitGuard));
