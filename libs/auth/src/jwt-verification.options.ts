import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE } from './access-token.constants';
import { VerificationKeys } from './verification-keys';

export interface JwtVerificationOptions {
  /**
   * SPKI PEM of the gateway's ES256 signing key, or several during a rotation
   * (current and previous, one after another); verification never needs the private key.
   */
  publicKey: string;
  /** Expected `iss` claim (JWT_ISSUER). */
  issuer: string;
}

export const JWT_VERIFICATION_OPTIONS = Symbol('JWT_VERIFICATION_OPTIONS');

export interface AccessTokenChecks {
  algorithms: [typeof ACCESS_TOKEN_ALGORITHM];
  issuer: string;
  audience: string;
  ignoreExpiration: false;
}

/**
 * The checks every verifier applies. The algorithm is pinned so that neither
 * `alg: none` nor an HS256 token "signed" with the public key can pass.
 */
export function accessTokenChecks(options: JwtVerificationOptions): AccessTokenChecks {
  return {
    algorithms: [ACCESS_TOKEN_ALGORITHM],
    issuer: options.issuer,
    audience: ACCESS_TOKEN_AUDIENCE,
    ignoreExpiration: false,
  };
}

/**
 * The public keys parsed once. Handed a PEM string, jsonwebtoken parses it on
 * every verification, which cost the gateway about a third of its CPU under load.
 */
export function verificationKeys(options: JwtVerificationOptions): VerificationKeys {
  return VerificationKeys.fromPem(options.publicKey);
}
