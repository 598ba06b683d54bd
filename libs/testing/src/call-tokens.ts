import { loadServiceKeys, ServiceTokenSigner } from '@finstack/auth';
import { randomUUID } from 'node:crypto';
import { findPrivateKeyPem, signEs256 } from './jwt';

/** An access token for `userId`, signed with the gateway's embedded key under DATA_DIR, as the gateway would issue it. */
export function userCallToken(dataDir: string, userId: string, issuer = 'finstack'): string {
  const nowS = Math.floor(Date.now() / 1000);
  const claims = { sub: userId, email: `${userId}@example.test`, iss: issuer, aud: 'finstack-api', iat: nowS, exp: nowS + 900 };
  return signEs256(claims, findPrivateKeyPem(dataDir));
}

/** A service token `from` one app `to` another, signed with `from`'s embedded key under DATA_DIR. */
export function serviceCallToken(dataDir: string, from: string, to: string): string {
  return new ServiceTokenSigner(loadServiceKeys({ service: from, dataDir })).tokenFor(to);
}

/**
 * For a test client that plays the gateway: each call carries a user token
 * for the user its payload names (a fresh user's when it names none).
 */
export function userTokenPerPayload(dataDir: string): (pattern: string, payload: unknown) => string {
  return (_pattern, payload) => {
    const userId = (payload as { userId?: unknown } | null)?.userId;
    return userCallToken(dataDir, typeof userId === 'string' ? userId : randomUUID());
  };
}

/**
 * Tokens as the gateway sends them to `service`: a user token for the user each
 * payload names, or the gateway's own service token for the (operator-only)
 * patterns named.
 */
export function gatewayLikeTokens(dataDir: string, service: string, asGatewayFor: readonly string[] = []): (pattern: string, payload: unknown) => string {
  const userTokens = userTokenPerPayload(dataDir);
  return (pattern, payload) => (asGatewayFor.includes(pattern) ? serviceCallToken(dataDir, 'gateway', service) : userTokens(pattern, payload));
}
