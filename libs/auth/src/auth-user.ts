import { unauthenticated } from './unauthenticated';

/** The caller, as proven by a verified access token. */
export interface AuthUser {
  userId: string;
  email: string;
  /** The session (refresh-token family) of the token; absent from tokens issued before sessions had ids. */
  sessionId?: string;
}

/** Reads the caller from verified claims; a token without sub or email proves nobody. */
export function authUserFromClaims(claims: unknown): AuthUser {
  const { sub, email, sid } = (typeof claims === 'object' && claims !== null ? claims : {}) as Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '' || typeof email !== 'string' || email === '') {
    throw unauthenticated('claims');
  }
  return typeof sid === 'string' && sid !== '' ? { userId: sub, email, sessionId: sid } : { userId: sub, email };
}
