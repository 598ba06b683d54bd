import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { Request, Response } from 'express';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { GatewayEnv } from '../gateway-env';
import { LoginLimitReached, LoginLimits, LoginQuota, loginLimitSettings } from '../rate-limits/login-limits';
import { addressKey, ipOf } from '../rate-limits/rate-limits';
import { SessionEntity } from './sessions/session.entity';
import { emailKeyOf, UserEntity } from './user.entity';

/**
 * Puts POST /auth/login under the log-in limits (see login-limits.ts) and
 * answers with their RateLimit-Policy and RateLimit headers. A malformed body
 * is counted against the IP all the same, then refused by validation.
 */
@Injectable()
export class LoginLimitGuard implements CanActivate {
  private readonly limits: LoginLimits;

  constructor(
    @Inject(ThrottlerStorage) storage: ThrottlerStorage,
    env: GatewayEnv,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
  ) {
    this.limits = new LoginLimits(storage, loginLimitSettings(env));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const email = (request.body as { email?: unknown } | undefined)?.email;
    const emailKey = emailKeyOf(typeof email === 'string' ? email.slice(0, 254) : '');
    const ip = ipOf(request);
    try {
      setQuotaHeaders(response, await this.limits.admit({ ip, accountKey: addressKey(emailKey), isKnownIp: () => this.signedInBefore(emailKey, ip) }));
    } catch (error) {
      if (error instanceof LoginLimitReached) setQuotaHeaders(response, error.quotas);
      throw error;
    }
    return true;
  }

  private async signedInBefore(emailKey: string, ip: string): Promise<boolean> {
    return this.sessions
      .createQueryBuilder('s')
      .innerJoin(UserEntity, 'u', 'u.id = s.user_id')
      .where('u.email_key = :emailKey AND s.ip = :ip', { emailKey, ip })
      .getExists();
  }
}

function setQuotaHeaders(response: Response, quotas: LoginQuota[]): void {
  response.setHeader('RateLimit-Policy', quotas.map((q) => `"${q.name}";q=${q.limit};w=${q.windowSeconds}`).join(', '));
  response.setHeader('RateLimit', quotas.map((q) => `"${q.name}";r=${q.remaining};t=${q.resetSeconds}`).join(', '));
}
