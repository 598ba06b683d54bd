import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, SigningKeys } from '@finstack/auth';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { GatewayEnv } from '../gateway-env';

/** Short-lived on purpose: an access token cannot be revoked, only outlived. */
export const ACCESS_TOKEN_TTL_SECONDS = 900;

/** Signs access tokens; the only holder of the private key. */
@Injectable()
export class AccessTokenIssuer {
  private readonly jwt: JwtService;

  constructor(keys: SigningKeys, env: GatewayEnv) {
    this.jwt = new JwtService({
      privateKey: keys.privateKeyPem,
      signOptions: {
        algorithm: ACCESS_TOKEN_ALGORITHM,
        keyid: keys.kid,
        issuer: env.JWT_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      },
    });
  }

  /** `sid` names the session (refresh-token family) the token belongs to, so a request knows which session is its own. */
  issue(user: { id: string; email: string }, sessionId: string): string {
    return this.jwt.sign({ email: user.email, sid: sessionId }, { subject: user.id });
  }
}
