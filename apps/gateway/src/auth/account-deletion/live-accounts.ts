import { AuthUser } from '@finstack/auth';
import { DomainError, ErrorCode } from '@finstack/contracts';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { Repository } from 'typeorm';
import { UserEntity } from '../user.entity';

/** How long a replica trusts that an account exists: after a deletion on another replica, its tokens work at most this long there. */
export const LIVE_ACCOUNT_TTL_MS = 60_000;
const CAPACITY = 100_000;

/**
 * Which accounts still exist, as seen by this replica. An access token stays
 * valid for its 15 minutes after its account is deleted; without this check
 * it could write new rows to the services after they erased the user. A
 * primary-key look-up once a minute per active user is the price.
 */
@Injectable()
export class LiveAccounts {
  private readonly seen = new Map<string, number>();

  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async exists(userId: string, now = Date.now()): Promise<boolean> {
    const until = this.seen.get(userId);
    if (until !== undefined && until > now) return true;
    this.seen.delete(userId);
    if (!(await this.users.existsBy({ id: userId }))) return false;
    if (this.seen.size >= CAPACITY) this.seen.delete(this.seen.keys().next().value as string);
    this.seen.set(userId, now + LIVE_ACCOUNT_TTL_MS);
    return true;
  }

  /** Deleted here: refused on this replica at once. */
  forget(userId: string): void {
    this.seen.delete(userId);
  }
}

/** Refuses, with 401, a valid token of an account that was deleted (runs after the routes' JwtAuthGuard). */
@Injectable()
export class LiveAccountInterceptor implements NestInterceptor {
  constructor(private readonly accounts: LiveAccounts) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() === 'http') {
      const user = context.switchToHttp().getRequest<Request & { user?: AuthUser }>().user;
      if (user?.userId && !(await this.accounts.exists(user.userId))) {
        throw new DomainError(ErrorCode.UNAUTHENTICATED, 'this account was deleted');
      }
    }
    return next.handle();
  }
}
