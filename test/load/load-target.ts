import { ApiClient, backendFromEnv, Session, sessionFor, startStack } from '@finstack/testing';

export interface LoadTarget {
  api: ApiClient;
  /** What the numbers were measured against, for the report. */
  description: string;
  /** A key that may post quotes. */
  ingestKey: string;
  /** An account that may upload price histories. */
  operator(): Promise<Session>;
  stop(): Promise<void>;
}

const OPERATOR_EMAIL = 'load.operator@example.com';
const INGEST_KEY = 'load-quote-feed-key-0123456789abcdef';

/**
 * The system under load: the one at API_URL (with QUOTES_INGEST_API_KEY and
 * OPERATOR_EMAIL/OPERATOR_PASSWORD as it is configured), or a fresh stack of
 * real processes started here (E2E_DB=sqlite, the default, or mysql).
 */
export async function loadTarget(name: string): Promise<LoadTarget> {
  if (process.env.API_URL) {
    const api = new ApiClient(process.env.API_URL.replace(/\/$/, ''));
    return {
      api,
      description: `the system at ${process.env.API_URL}`,
      ingestKey: process.env.QUOTES_INGEST_API_KEY ?? '',
      operator: () => sessionFor(api, process.env.OPERATOR_EMAIL ?? OPERATOR_EMAIL, process.env.OPERATOR_PASSWORD),
      stop: async () => undefined,
    };
  }
  const backend = process.env.E2E_DB ? backendFromEnv() : 'sqlite';
  const stack = await startStack({ backend, name, gatewayEnv: { OPERATOR_EMAILS: OPERATOR_EMAIL, QUOTES_INGEST_API_KEY: INGEST_KEY } });
  const api = new ApiClient(stack.baseUrl);
  return {
    api,
    description: `a fresh stack of real processes on this machine (${backend})`,
    ingestKey: INGEST_KEY,
    operator: () => sessionFor(api, OPERATOR_EMAIL),
    stop: () => stack.stop(),
  };
}
