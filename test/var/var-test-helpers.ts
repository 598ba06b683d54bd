import { RunView } from '@finstack/contracts';
import { ApiClient, ApiResponse, backendFromEnv, newSession, Session, sessionFor, Stack, startStack, waitUntil } from '@finstack/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const backend = backendFromEnv();

export const OPERATOR_EMAIL = 'prices.operator@example.com';

/** A sample history of the repository, as an operator would upload it. */
export const sampleCsv = (ticker: 'AAPL' | 'AMZN'): string => readFileSync(join(__dirname, '../../data/prices', `${ticker}.csv`), 'utf8');

/** A user of the stack, calling /api/v1 with their own token. */
export interface RiskUser {
  session: Session;
  get<T = Record<string, unknown>>(path: string): Promise<ApiResponse<T>>;
  post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  /** PUT of a CSV text body. */
  putCsv<T = Record<string, unknown>>(path: string, csv: string): Promise<ApiResponse<T>>;
}

export interface RiskStack {
  api(): ApiClient;
  stack(): Stack;
  newUser(label?: string): Promise<RiskUser>;
  /** The account OPERATOR_EMAIL names, registered on first use. */
  operator(): Promise<RiskUser>;
  /** Uploads a history as the operator; fails unless 200. */
  uploadPrices(ticker: string, csv: string): Promise<void>;
  /** Polls a run until it is finished. */
  finished(user: RiskUser, id: string, timeoutMs?: number): Promise<RunView>;
}

/** One stack (every app as a real process) for the file, with an operator configured; each test makes its own users. */
export function useRiskStack(name: string, options: { varEnv?: Record<string, string> } = {}): RiskStack {
  let stack: Stack;
  let api: ApiClient;
  let operator: Promise<RiskUser> | undefined;
  beforeAll(async () => {
    stack = await startStack({ backend, name, gatewayEnv: { OPERATOR_EMAILS: OPERATOR_EMAIL }, varEnv: options.varEnv });
    api = new ApiClient(stack.baseUrl);
  });
  afterAll(() => stack?.stop());
  const self: RiskStack = {
    api: () => api,
    stack: () => stack,
    newUser: async (label = 'analyst') => userOf(api, await newSession(api, label)),
    operator: () => (operator ??= sessionFor(api, OPERATOR_EMAIL).then((session) => userOf(api, session))),
    async uploadPrices(ticker, csv) {
      const response = await (await self.operator()).putCsv(`/market/prices/${ticker}`, csv);
      if (response.status !== 200) throw new Error(`upload ${ticker}: ${response.status} ${JSON.stringify(response.body)}`);
    },
    async finished(user, id, timeoutMs = 60_000) {
      let run: RunView | undefined;
      await waitUntil(
        `run ${id} to finish`,
        async () => {
          run = (await user.get<RunView>(`/var/analyses/${id}`)).body;
          return run.status === 'succeeded' || run.status === 'failed';
        },
        timeoutMs,
      );
      return run!;
    },
  };
  return self;
}

function userOf(api: ApiClient, session: Session): RiskUser {
  const token = session.accessToken;
  return {
    session,
    get: (path) => api.get(`/api/v1${path}`, { token }),
    post: (path, body) => api.post(`/api/v1${path}`, body, { token }),
    putCsv: (path, csv) => api.put(`/api/v1${path}`, undefined, { token, rawBody: csv, headers: { 'content-type': 'text/csv' } }),
  };
}
