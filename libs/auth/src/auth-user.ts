import { unauthenticated } from './unauthenticated';

/** The caller, as proven by a verified access token. */
export interface AuthUser {
  userId: string;
  email: string;
}

/** Reads the caller from verified claims; a token without sub or email proves nobody. */
export function authUserFromClaims(claims: unknown): AuthUser {
  const { sub, email } = (typeof claims === 'object' && claims !== null ? claims : {}) as Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '' || typeof email !== 'string' || email === '') {
    throw unauthenticated('claims');
  }
  return { userId: sub, email };
}
