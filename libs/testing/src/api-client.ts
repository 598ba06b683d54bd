import { createFinstackClient, FinstackClient } from '@finstack/client';
import { assertMatchesContract } from './contract';
import { linkIn, mailboxOf } from './mailbox';

/** A small fetch wrapper for tests and benchmarks: JSON in, status + JSON out, each answer checked against the contract. */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Send this text as the body instead of JSON-encoding `body`. */
  rawBody?: string;
}

export class ApiClient {
  /** `checkContract: false` for benchmarks, whose answers the tests already check. */
  constructor(
    readonly baseUrl: string,
    private readonly options: { checkContract?: boolean } = {},
  ) {}

  get<T = Record<string, unknown>>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T = Record<string, unknown>>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, body, options);
  }

  patch<T = Record<string, unknown>>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', path, body, options);
  }

  put<T = Record<string, unknown>>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', path, body, options);
  }

  delete<T = Record<string, unknown>>(path: string, options?: RequestOptions) {
    return this.request<T>('DELETE', path, undefined, options);
  }

  async request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (e.g. the docs page): keep the text
    }
    if (this.options.checkContract !== false) {
      assertMatchesContract(method, response.url || `${this.baseUrl}${path}`, response.status, response.headers.get('content-type'), parsed);
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}

export interface Session {
  userId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

let counter = 0;

/** Registers a fresh user and logs in. */
export async function newSession(api: ApiClient, label = 'user'): Promise<Session> {
  counter += 1;
  return sessionFor(api, `${label}-${process.pid}-${counter}-${Date.now()}@example.com`);
}

/**
 * Registers the user of a given email (one a setting names, such as an
 * operator's), confirms the address through the mailed link as a person
 * would (the gateway's mailbox, see mailbox.ts), and logs in.
 */
export async function sessionFor(api: ApiClient, email: string, password = 'correct horse battery staple'): Promise<Session> {
  // Through the typed client, so every e2e run also exercises it (and the contract checks its answers too).
  const client = typedClient(api.baseUrl);
  const registered = await client.POST('/api/v1/auth/register', { body: { email, password } });
  if (registered.response.status !== 202) throw new Error(`register failed: ${registered.response.status} ${registered.error?.message}`);
  await verifyByMail(api, email);
  const login = await client.POST('/api/v1/auth/login', { body: { email, password } });
  if (!login.data || !('refreshToken' in login.data) || !login.data.refreshToken) {
    throw new Error(`login failed: ${login.response.status} ${login.error?.message ?? 'MFA is on for this account'}`);
  }
  const { accessToken, refreshToken } = login.data;
  const me = await client.GET('/api/v1/auth/me', { headers: { authorization: `Bearer ${accessToken}` } });
  if (!me.data) throw new Error(`me failed: ${me.response.status} ${me.error?.message}`);
  return { userId: me.data.id, email, password, accessToken, refreshToken };
}

/** The typed client (libs/client) with every answer checked against the contract, as ApiClient's are. */
export function typedClient(baseUrl: string): FinstackClient {
  const checked: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const text = await response.clone().text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: the contract check looks at the status only
    }
    assertMatchesContract(request.method, response.url || request.url, response.status, response.headers.get('content-type'), body);
    return response;
  };
  return createFinstackClient({ baseUrl, fetch: checked });
}

/** Confirms an address with the token of the newest verification mail it received. */
export async function verifyByMail(api: ApiClient, email: string): Promise<void> {
  const mailbox = mailboxOf(api.baseUrl);
  const mail = await mailbox.waitFor(email, /confirm your email/, mailbox.to(email).filter((m) => /confirm your email/.test(m.subject)).length || 1);
  const token = linkIn(mail, '/verify-email').searchParams.get('token');
  const verified = await api.post('/api/v1/auth/verify-email', { token });
  if (verified.status !== 200) throw new Error(`verify-email failed: ${verified.status} ${JSON.stringify(verified.body)}`);
}
