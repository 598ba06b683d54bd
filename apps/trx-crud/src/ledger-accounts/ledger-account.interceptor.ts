import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { from, Observable, switchMap } from 'rxjs';
import { LedgerAccountsService } from './ledger-accounts.service';

/**
 * Opens the caller's ledger before any ledger message is handled, so that
 * every use case can count on the starter categories. Interceptors run before
 * the validation pipe: a message without a valid userId is passed on
 * untouched, for the pipe to refuse.
 */
@Injectable()
export class LedgerAccountInterceptor implements NestInterceptor {
  constructor(private readonly accounts: LedgerAccountsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const userId = context.switchToRpc().getData<{ userId?: unknown } | undefined>()?.userId;
    if (typeof userId !== 'string' || !isUUID(userId)) return next.handle();
    return from(this.accounts.ensureOpened(userId)).pipe(switchMap(() => next.handle()));
  }
}
