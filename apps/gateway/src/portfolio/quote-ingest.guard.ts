import { AuthUser, bearerToken, JwtAuthGuard } from '@finstack/auth';
import { DomainError, ErrorCode } from '@finstack/contracts';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Request } from 'express';
import { GatewayEnv } from '../gateway-env';
import { isOperator } from '../auth/operator-role';
import { apiKeyMatches } from './quote-ingest-access';

/**
 * Who may post quotes: a feed holding QUOTES_INGEST_API_KEY (X-Api-Key), or a
 * user whose verified access token names an email of OPERATOR_EMAILS. Tokens
 * go through JwtAuthGuard, so they are checked exactly as on every other route.
 * No credentials or a bad token: 401; a wrong key or a user who is not an
 * operator: 403.
 */
@Injectable()
export class QuoteIngestGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtAuthGuard,
    private readonly env: GatewayEnv,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const apiKey = request.header('x-api-key');
    if (apiKey !== undefined && apiKeyMatches(apiKey, this.env.QUOTES_INGEST_API_KEY)) return true;
    // A wrong key alone is refused as such; with a token too, the token decides.
    if (apiKey !== undefined && !bearerToken(request)) {
      throw forbidden('X-Api-Key is not the quote ingest key');
    }
    await this.jwt.canActivate(context); // throws 401 UNAUTHENTICATED for a missing or bad token
    if (!request.user || !isOperator(request.user.email, this.env.OPERATOR_EMAILS)) {
      throw forbidden('only an operator or the ingest API key may post quotes');
    }
    return true;
  }
}

const forbidden = (message: string) => new DomainError(ErrorCode.FORBIDDEN, message);
