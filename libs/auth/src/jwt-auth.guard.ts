import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { Request } from 'express';
import { AuthUser } from './auth-user';
import { FINSTACK_JWT_STRATEGY } from './jwt.strategy';
import { unauthenticated } from './unauthenticated';
import { bearerToken, VerifiedTokenCache } from './verified-token-cache';

/**
 * Requires a valid access token. A token verified before (and not yet
 * expired) is taken from the cache; anything else goes through passport.
 * Passport's own refusal (no token, bad signature, expired, ...) becomes a
 * DomainError UNAUTHENTICATED, so the HTTP error filter renders it like every
 * other error.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard(FINSTACK_JWT_STRATEGY) {
  constructor(private readonly verified: VerifiedTokenCache) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const token = bearerToken(request);
    const known = token ? this.verified.get(token) : undefined;
    if (known) {
      request.user = known;
      return true;
    }
    return super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown, _context: ExecutionContext): TUser {
    if (error) throw error; // already a DomainError from validate(), or a genuine fault
    if (!user) throw unauthenticated(info);
    return user;
  }
}
