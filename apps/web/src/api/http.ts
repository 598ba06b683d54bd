import { TokenRefresher } from './token-refresher';
import type { TokenAnswer } from './types';

export const API_BASE = '/api/v1';
/** Asks the gateway to keep the refresh token in its httpOnly cookie (a custom header: no cross-site form can send it). */
export const COOKIE_MODE = { 'X-Finstack-Auth': 'cookie' };

/** An API error body: `{ statusCode, code, message, details?, requestId }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `details: [{ field, errors }]` as field → first message, for the inputs. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (Array.isArray(this.details)) {
      for (const entry of this.details as { field?: unknown; errors?: unknown }[]) {
        if (typeof entry?.field === 'string' && Array.isArray(entry.errors) && typeof entry.errors[0] === 'string') {
          out[entry.field.replace(/^options\./, '')] ??= entry.errors[0];
        }
      }
    }
    return out;
  }

  get unavailable(): boolean {
    return this.status === 503 || this.status === 504 || this.status === 0;
  }
}

async function postRefresh(): Promise<TokenAnswer> {
  const response = await fetch(`${API_BASE}/auth/refresh`, {
    method: 'POST',
    headers: { ...COOKIE_MODE, 'content-type': 'application/json' },
    body: '{}',
    credentials: 'same-origin',
  });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as TokenAnswer;
}

export const session = new TokenRefresher({ refresh: postRefresh });

/** Listeners told about 503s (the "service unavailable, retrying" banner). */
const outageListeners = new Set<(down: boolean) => void>();
export function onOutage(listener: (down: boolean) => void): () => void {
  outageListeners.add(listener);
  return () => outageListeners.delete(listener);
}
function reportOutage(down: boolean): void {
  for (const listener of outageListeners) listener(down);
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw body (a file); sent as is. */
  raw?: Blob;
  signal?: AbortSignal;
  /** Answer as text (CSV). */
  text?: boolean;
}

export function urlOf(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; message?: string; details?: unknown };
    return new ApiError(response.status, body.code ?? 'HTTP_ERROR', body.message ?? response.statusText, body.details);
  } catch {
    return new ApiError(response.status, 'HTTP_ERROR', `${response.status} ${response.statusText}`);
  }
}

/** One API call with the in-memory access token; a 401 triggers one silent refresh and a retry. */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const send = async (token: string | null) => {
    const headers: Record<string, string> = { ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (options.raw) body = options.raw;
    else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    try {
      return await fetch(urlOf(path, options.query), { method, headers, body, signal: options.signal, credentials: 'same-origin' });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, 'NETWORK', 'the server cannot be reached; retrying');
    }
  };
  let token = session.isFresh() ? session.accessToken : await session.refreshNow();
  let response = await send(token);
  if (response.status === 401 && token) {
    token = await session.refreshNow();
    if (token) response = await send(token);
  }
  if (!response.ok) {
    const error = await errorOf(response);
    reportOutage(error.unavailable);
    throw error;
  }
  reportOutage(false);
  if (response.status === 204) return undefined as T;
  return (options.text ? await response.text() : await response.json()) as T;
}

/** The password step's answer when the account has MFA on: a short-lived, single-use challenge. */
export interface MfaChallenge {
  mfaToken: string;
}

/** Posts JSON without a session (sign-in, sign-up, reset); the cookie-mode header where tokens come back. */
async function postPublic(path: string, body: unknown, cookieMode = false): Promise<Response> {
  const response = await fetch(`${API_BASE}${path}`, {
    method: 'POST',
    headers: { ...(cookieMode ? COOKIE_MODE : {}), 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) throw await errorOf(response);
  return response;
}

/** Signs in, or answers the MFA challenge to complete with verifyMfa. */
export async function signIn(email: string, password: string): Promise<MfaChallenge | null> {
  const answer = (await (await postPublic('/auth/login', { email, password }, true)).json()) as TokenAnswer | { mfaRequired: true; mfaToken: string };
  if ('mfaRequired' in answer) return { mfaToken: answer.mfaToken };
  session.accept(answer);
  return null;
}

/** The second step: a code from the authenticator app, or one of the recovery codes. */
export async function verifyMfa(mfaToken: string, proof: { code: string } | { recoveryCode: string }): Promise<void> {
  session.accept((await (await postPublic('/auth/mfa/verify', { mfaToken, ...proof }, true)).json()) as TokenAnswer);
}

/** Mails a reset link if the address has an account (the answer is the same either way). */
export async function forgotPassword(email: string): Promise<void> {
  await postPublic('/auth/forgot-password', { email });
}

/** Sets a new password with the mailed link's token; every session ends. */
export async function resetPassword(token: string, newPassword: string): Promise<void> {
  await postPublic('/auth/reset-password', { token, newPassword });
}

export async function signUp(email: string, password: string, displayName?: string): Promise<void> {
  const response = await fetch(`${API_BASE}/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, ...(displayName ? { displayName } : {}) }),
  });
  if (!response.ok) throw await errorOf(response);
}

/** Confirms an address with the mailed link's token, or with the address and the mailed 6-digit code. */
export async function verifyEmail(proof: { token: string } | { email: string; code: string }): Promise<void> {
  const response = await fetch(`${API_BASE}/auth/verify-email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(proof),
  });
  if (!response.ok) throw await errorOf(response);
}

/** Mails a new link and code (the answer is the same for any address). */
export async function resendVerification(email: string): Promise<void> {
  const response = await fetch(`${API_BASE}/auth/resend-verification`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!response.ok) throw await errorOf(response);
}

/** Revokes the session on the server (and its cookie), then forgets the token. */
export async function signOut(): Promise<void> {
  try {
    await fetch(`${API_BASE}/auth/logout`, {
      method: 'POST',
      headers: { ...COOKIE_MODE, 'content-type': 'application/json' },
      body: '{}',
      credentials: 'same-origin',
    });
  } finally {
    session.clear();
  }
}
