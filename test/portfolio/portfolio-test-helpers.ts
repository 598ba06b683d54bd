import { QuoteInput, QuotesIngested } from '@finstack/contracts';
import { ApiClient, ApiResponse, backendFromEnv, newSession, Session, sessionFor, Stack, startStack } from '@finstack/testing';

export const backend = backendFromEnv();

/** The gateway's quote-ingest settings in these suites: an operator by email (listed in another case) and a feed key. */
export const OPERATOR_EMAIL = 'market.operator@example.com';
export const INGEST_KEY = 'e2e-quote-feed-key-0123456789abcdef';

/** A date's quote at the US close, as the feed stamps them. */
export const atClose = (date: string): string => `${date}T20:00:00Z`;

/** A user of the stack, calling /api/v1 with their own token. */
export interface PortfolioUser {
  session: Session;
  get<T = Record<string, unknown>>(path: string): Promise<ApiResponse<T>>;
  post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  patch<T = Record<string, unknown>>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  delete<T = Record<string, unknown>>(path: string): Promise<ApiResponse<T>>;
}

export interface PortfolioStack {
  api(): ApiClient;
  stack(): Stack;
  newUser(label?: string): Promise<PortfolioUser>;
  /** The account OPERATOR_EMAIL names, registered on first use. */
  operator(): Promise<PortfolioUser>;
  /** Posts quotes with the ingest key (a single one as it is, several as a batch); fails unless 200. */
  quote(...quotes: QuoteInput[]): Promise<QuotesIngested>;
}

/** One stack (every app as a real process) for the file, with quote ingest configured; each test makes its own users. */
export function usePortfolioStack(name: string): PortfolioStack {
  let stack: Stack;
  let api: ApiClient;
  let operator: Promise<PortfolioUser> | undefined;
  beforeAll(async () => {
    stack = await startStack({
      backend,
      name,
      gatewayEnv: { OPERATOR_EMAILS: `someone.else@example.com, ${OPERATOR_EMAIL.toUpperCase()}`, QUOTES_INGEST_API_KEY: INGEST_KEY },
    });
    api = new ApiClient(stack.baseUrl);
  });
  afterAll(() => stack?.stop());
  return {
    api: () => api,
    stack: () => stack,
    newUser: async (label = 'investor') => userOf(api, await newSession(api, label)),
    operator: () => (operator ??= sessionFor(api, OPERATOR_EMAIL).then((session) => userOf(api, session))),
    async quote(...quotes) {
      const body = quotes.length === 1 ? quotes[0] : { quotes };
      const response = await api.post<QuotesIngested>('/api/v1/quotes', body, { headers: { 'x-api-key': INGEST_KEY } });
      if (response.status !== 200) throw new Error(`quotes: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
  };
}

function userOf(api: ApiClient, session: Session): PortfolioUser {
  const token = session.accessToken;
  return {
    session,
    get: (path) => api.get(`/api/v1${path}`, { token }),
    post: (path, body) => api.post(`/api/v1${path}`, body, { token }),
    patch: (path, body) => api.patch(`/api/v1${path}`, body, { token }),
    delete: (path) => api.delete(`/api/v1${path}`, { token }),
  };
}
