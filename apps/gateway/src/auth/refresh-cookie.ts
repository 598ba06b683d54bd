import { DomainError, ErrorCode } from '@finstack/contracts';
import type { Request, Response } from 'express';
import { REFRESH_TOKEN_TTL_MS } from './sessions.service';
import { TokenPair } from './token-pair.view';

/**
 * Cookie mode of the refresh token, for the web console: the token never
 * reaches page script. httpOnly, SameSite=Strict, scoped to the auth routes,
 * Secure when the request came over HTTPS (directly or through the trusted
 * proxy). A client opts in with the header below on log-in, refresh and
 * log-out; as a custom header it cannot be sent by a cross-site form, and a
 * cross-site script needs CORS approval to send it. Body mode stays for other clients.
 */
export const REFRESH_COOKIE = 'finstack_refresh';
export const COOKIE_MODE_HEADER = 'x-finstack-auth';
export const COOKIE_MODE_VALUE = 'cookie';
const COOKIE_PATH = '/api/v1/auth';

/** For the OpenAPI document of log-in, refresh and log-out. */
export const COOKIE_MODE_DOC = {
  name: COOKIE_MODE_HEADER,
  required: false,
  description: '`cookie`: the refresh token travels in an httpOnly cookie scoped to /api/v1/auth instead of the body',
};

export function wantsCookieMode(request: Request): boolean {
  return request.header(COOKIE_MODE_HEADER) === COOKIE_MODE_VALUE;
}

export function setRefreshCookie(request: Request, response: Response, token: string): void {
  response.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    secure: request.secure,
    sameSite: 'strict',
    path: COOKIE_PATH,
    maxAge: REFRESH_TOKEN_TTL_MS,
  });
}

export function clearRefreshCookie(request: Request, response: Response): void {
  response.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure: request.secure, sameSite: 'strict', path: COOKIE_PATH });
}

/** The refresh token of a refresh or log-out: the body's, or in cookie mode the cookie's. */
export function presentedRefreshToken(request: Request, bodyToken: string | undefined): string {
  if (bodyToken !== undefined) return bodyToken;
  const cookieToken = cookieValue(request.header('cookie'), REFRESH_COOKIE);
  if (cookieToken === undefined) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'send refreshToken in the body, or the refresh cookie with the X-Finstack-Auth: cookie header', [
      { field: 'refreshToken', errors: ['refreshToken must be a string'] },
    ]);
  }
  if (!wantsCookieMode(request)) {
    // The cookie rides along on any request to this path; only a same-origin script can add the header.
    throw new DomainError(ErrorCode.FORBIDDEN, 'a refresh by cookie needs the X-Finstack-Auth: cookie header');
  }
  return cookieToken;
}

/** One cookie's value from a Cookie header; undefined when absent or malformed. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The answer of cookie mode: the refresh token is in the cookie only. */
export type CookieModePair = Omit<TokenPair, 'refreshToken'>;

/** A new token pair as the client asked for it: in cookie mode the refresh token goes in the cookie only. */
export function inCookieMode(request: Request, response: Response, pair: TokenPair): TokenPair | CookieModePair {
  if (!wantsCookieMode(request)) return pair;
  setRefreshCookie(request, response, pair.refreshToken);
  const { refreshToken: _inCookie, ...rest } = pair;
  return rest;
}
