import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Request } from 'express';
import { Strategy } from 'passport-jwt';
import { AuthUser, authUserFromClaims } from './auth-user';
import { accessTokenChecks, JWT_VERIFICATION_OPTIONS, JwtVerificationOptions, verificationKeys } from './jwt-verification.options';
import { bearerToken, VerifiedTokenCache } from './verified-token-cache';

/** Passport's name for this strategy; distinct from the default 'jwt' so no other strategy can shadow it. */
export const FINSTACK_JWT_STRATEGY = 'finstack-jwt';

/** Verifies `Authorization: Bearer <access token>` with the public key alone. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, FINSTACK_JWT_STRATEGY) {
  constructor(
    @Inject(JWT_VERIFICATION_OPTIONS) options: JwtVerificationOptions,
    private readonly verified: VerifiedTokenCache,
  ) {
    const keys = verificationKeys(options);
    // Spread at the top level on purpose: passport-jwt overwrites the issuer, audience
    // and algorithms of `jsonWebTokenOptions` with its top-level ones, even when unset.
    super({
      jwtFromRequest: bearerToken,
      // The token's own header names its key (and must say at+jwt). passport-jwt's types predate
      // KeyObject; jsonwebtoken, which does the work, takes it.
      secretOrKeyProvider: (_request: Request, token: string, done: (error: unknown, key?: Buffer) => void) => {
        try {
          done(null, keys.keyFor(token) as unknown as Buffer);
        } catch (error) {
          done(error);
        }
      },
      passReqToCallback: true,
      ...accessTokenChecks(options),
    });
  }

  validate(request: Request, claims: unknown): AuthUser {
    const user = authUserFromClaims(claims);
    const token = bearerToken(request);
    const expiresAt = (claims as { exp?: unknown }).exp;
    if (token && typeof expiresAt === 'number') this.verified.remember(token, user, expiresAt);
    return user;
  }
}
