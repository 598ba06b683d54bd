import { CanActivate, CustomDecorator, ExecutionContext, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { DomainError, ErrorCode } from '@finstack/contracts';
import { callAuth, VerifiedCaller } from './call-auth';
import { currentCallToken } from './request-context';

/**
 * Who may call a pattern:
 * - `gateway-user`: a user's access token, forwarded by the gateway; the
 *   payload's `userId` must be that user's.
 * - `service:<app>`: a service token that app signed for this one; the app acts
 *   on no user's request and names the user in the payload.
 * - `anyone`: no token needed (health pings only).
 */
export type AllowedCaller = 'gateway-user' | `service:${string}` | 'anyone';

export const CALLABLE_BY = 'finstack:callable-by';

/** What a pattern without a declaration accepts: a user's token only. */
export const DEFAULT_CALLERS: readonly AllowedCaller[] = ['gateway-user'];

/** Declares who may call the patterns of a handler (or of every handler of a controller). */
export const CallableBy = (...callers: AllowedCaller[]): CustomDecorator<string> => SetMetadata(CALLABLE_BY, callers);

/**
 * Runs before any pipe: verifies the token that came with the call and refuses
 * (FORBIDDEN) a caller the pattern does not declare. For a user token the
 * payload's `userId` is the token's user: a payload naming another user is refused.
 */
@Injectable()
export class CallerGuard implements CanActivate {
  private readonly logger = new Logger('rpc');

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'rpc') return true;
    const callers = allowedCallers(context);
    if (callers.includes('anyone')) return true;
    const token = currentCallToken();
    const caller = token === undefined ? undefined : callAuth().verify(token);
    try {
      if (caller === undefined) throw forbidden('the call carries no valid token');
      authorize(caller, callers, context.switchToRpc().getData<unknown>());
    } catch (error) {
      // Never the token itself: only which pattern refused whom, for an operator to notice a probing task.
      const pattern = context.switchToRpc().getContext<{ getPattern?: () => string }>()?.getPattern?.();
      const who = caller === undefined ? 'unproven' : caller.kind === 'service' ? `service:${caller.service}` : 'user';
      this.logger.warn({ msg: 'refused', pattern, caller: who, reason: (error as Error).message });
      throw error;
    }
    return true;
  }
}

/** Refuses a caller not among `callers`; for a user, pins the payload's userId to the token's. */
export function authorize(caller: VerifiedCaller, callers: readonly AllowedCaller[], payload: unknown): void {
  if (caller.kind === 'service') {
    if (!callers.includes(`service:${caller.service}`)) throw forbidden(`${caller.service} may not call this pattern`);
    return;
  }
  if (!callers.includes('gateway-user')) throw forbidden('a user token may not call this pattern');
  if (typeof payload === 'object' && payload !== null && Object.hasOwn(payload, 'userId')) {
    const record = payload as { userId?: unknown };
    if (record.userId !== caller.userId) throw forbidden("the payload names another user than the token's");
    record.userId = caller.userId;
  }
}

function allowedCallers(context: ExecutionContext): readonly AllowedCaller[] {
  const read = (target: object) => Reflect.getMetadata(CALLABLE_BY, target) as AllowedCaller[] | undefined;
  return read(context.getHandler()) ?? read(context.getClass()) ?? DEFAULT_CALLERS;
}

const forbidden = (reason: string) => new DomainError(ErrorCode.FORBIDDEN, `call refused: ${reason}`);
