import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthUser, authUserFromClaims } from './auth-user';
import { accessTokenChecks, AccessTokenChecks, JWT_VERIFICATION_OPTIONS, JwtVerificationOptions, verificationKeys } from './jwt-verification.options';
import { unauthenticated } from './unauthenticated';
import { VerificationKeys } from './verification-keys';

export interface VerifiedSession {
  user: AuthUser;
  expiresAtMs: number;
}

/**
 * Verifies a raw access token where there is no HTTP request for passport to
 * read, such as a Socket.IO handshake. Same checks as the HTTP guard.
 */
@Injectable()
export class JwtVerifier {
  private readonly jwt = new JwtService();
  private readonly keys: VerificationKeys;
  private readonly checks: AccessTokenChecks;

  constructor(@Inject(JWT_VERIFICATION_OPTIONS) options: JwtVerificationOptions) {
    this.keys = verificationKeys(options);
    this.checks = accessTokenChecks(options);
  }

  verify(token: string): AuthUser {
    return this.verifySession(token).user;
  }

  /** The user and when the token expires, for a long-lived connection that must end when its token does. */
  verifySession(token: string): VerifiedSession {
    let claims: unknown;
    try {
      claims = this.jwt.verify(token, { ...this.checks, publicKey: this.keys.keyFor(token) as unknown as Buffer });
    } catch (error) {
      throw unauthenticated(error);
    }
    const user = authUserFromClaims(claims);
    const expiresAt = (claims as { exp?: unknown }).exp;
    if (typeof expiresAt !== 'number') throw unauthenticated('claims');
    return { user, expiresAtMs: expiresAt * 1000 };
  }
}
