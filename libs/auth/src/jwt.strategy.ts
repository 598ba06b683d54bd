import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthUser, authUserFromClaims } from './auth-user';
import { accessTokenChecks, JWT_VERIFICATION_OPTIONS, JwtVerificationOptions } from './jwt-verification.options';

/** Passport's name for this strategy; distinct from the default 'jwt' so no other strategy can shadow it. */
export const FINSTACK_JWT_STRATEGY = 'finstack-jwt';

/** Verifies `Authorization: Bearer <access token>` with the public key alone. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, FINSTACK_JWT_STRATEGY) {
  constructor(@Inject(JWT_VERIFICATION_OPTIONS) options: JwtVerificationOptions) {
    // Spread at the top level on purpose: passport-jwt overwrites the issuer, audience
    // and algorithms of `jsonWebTokenOptions` with its top-level ones, even when unset.
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: options.publicKey,
      ...accessTokenChecks(options),
    });
  }

  validate(claims: unknown): AuthUser {
    return authUserFromClaims(claims);
  }
}
