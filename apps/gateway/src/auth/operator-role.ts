import { AuthUser, JwtAuthGuard } from '@finstack/auth';
import { DomainError, ErrorCode } from '@finstack/contracts';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Request } from 'express';
import { GatewayEnv } from '../gateway-env';

/** Whether a token's email is one of OPERATOR_EMAILS (already lower case). */
export function isOperator(email: string, operatorEmails: readonly string[]): boolean {
  return operatorEmails.includes(email.toLowerCase());
}

/**
 * Routes for operators only (uploading market data): a verified access token
 * whose email is listed in OPERATOR_EMAILS. No or a bad token: 401; anyone else: 403.
 */
@Injectable()
export class OperatorGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtAuthGuard,
    private readonly env: GatewayEnv,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.jwt.canActivate(context); // throws 401 UNAUTHENTICATED for a missing or bad token
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    if (!request.user || !isOperator(request.user.email, this.env.OPERATOR_EMAILS)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'only an operator may do this');
    }
    return true;
  }
}
