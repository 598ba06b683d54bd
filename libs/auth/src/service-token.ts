import { randomUUID } from 'node:crypto';
import { decode, sign, verify } from 'jsonwebtoken';
import { ServiceKeys } from './service-keys';

/** `iss` of every service token, so one can never pass for a user's access token (whose issuer is JWT_ISSUER). */
export const SERVICE_TOKEN_ISSUER = 'finstack-service';
/** Short: a token read off the wire is worth little a minute later. */
export const SERVICE_TOKEN_LIFETIME_S = 60;
/** A cached token is renewed this long before it expires, so none reaches a callee already stale. */
const RENEW_BEFORE_S = 20;

/** Signs a token proving "this app calls `audience`", reused until shortly before it expires. */
export class ServiceTokenSigner {
  private readonly cached = new Map<string, { token: string; renewAtS: number }>();

  constructor(private readonly keys: ServiceKeys) {}

  tokenFor(audience: string): string {
    const nowS = Math.floor(Date.now() / 1000);
    const hit = this.cached.get(audience);
    if (hit && hit.renewAtS > nowS) return hit.token;
    const token = sign({ jti: randomUUID() }, this.keys.privateKey, {
      algorithm: 'ES256',
      issuer: SERVICE_TOKEN_ISSUER,
      subject: this.keys.service,
      audience,
      expiresIn: SERVICE_TOKEN_LIFETIME_S,
    });
    this.cached.set(audience, { token, renewAtS: nowS + SERVICE_TOKEN_LIFETIME_S - RENEW_BEFORE_S });
    return token;
  }
}

/**
 * The calling app a service token proves, or undefined when it proves nothing
 * here: unknown signer, another audience, expired, or not a service token.
 */
export function verifyServiceToken(token: string, keys: ServiceKeys): string | undefined {
  const unverified = decode(token, { json: true });
  const claimedCaller = unverified?.sub;
  if (unverified?.iss !== SERVICE_TOKEN_ISSUER || typeof claimedCaller !== 'string') return undefined;
  const key = keys.publicKeyOf(claimedCaller);
  if (key === undefined) return undefined;
  try {
    verify(token, key, { algorithms: ['ES256'], issuer: SERVICE_TOKEN_ISSUER, audience: keys.service, subject: claimedCaller, maxAge: SERVICE_TOKEN_LIFETIME_S + 5 });
    return claimedCaller;
  } catch {
    return undefined;
  }
}

/** Whether a token claims to be a service token (not proof of anything). */
export function looksLikeServiceToken(token: string): boolean {
  return decode(token, { json: true })?.iss === SERVICE_TOKEN_ISSUER;
}
