import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { FINSTACK_JWT_STRATEGY } from './jwt.strategy';
import { unauthenticated } from './unauthenticated';

/**
 * Requires a valid access token. Passport's own refusal (no token, bad
 * signature, expired, ...) becomes a DomainError UNAUTHENTICATED, so the HTTP
 * error filter renders it like every other error.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard(FINSTACK_JWT_STRATEGY) {
  override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown, _context: ExecutionContext): TUser {
    if (error) throw error; // already a DomainError from validate(), or a genuine fault
    if (!user) throw unauthenticated(info);
    return user;
  }
}
