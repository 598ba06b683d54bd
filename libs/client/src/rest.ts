import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './api-schema';

export type Schemas = components['schemas'];
/** The body of every error answer: `message` for a person, `details` for fields. */
export type ApiErrorBody = Schemas['ErrorBody'];
export type FinstackClient = Client<paths>;

export interface FinstackClientOptions {
  /** The gateway's origin, e.g. http://127.0.0.1:3000 (paths carry /api/v1). */
  baseUrl: string;
  /** Read before every request, so a refreshed token is used at once. */
  accessToken?: () => string | undefined;
  /** Another fetch (a test's, or one that counts). */
  fetch?: typeof globalThis.fetch;
  /** Sent with every request, e.g. { 'X-Request-Id': ... }. */
  headers?: Record<string, string>;
}

/**
 * A client of the finstack REST API, typed from docs/openapi.json:
 * `client.GET('/api/v1/transactions', { params: { query: { limit: 50 } } })`
 * answers `{ data, error, response }`, each typed by the operation.
 */
export function createFinstackClient(options: FinstackClientOptions): FinstackClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  const tokenSource = options.accessToken;
  if (tokenSource) client.use(bearer(tokenSource));
  return client;
}

function bearer(token: () => string | undefined): Middleware {
  return {
    onRequest({ request }) {
      const value = token();
      if (value) request.headers.set('Authorization', `Bearer ${value}`);
      return request;
    },
  };
}
