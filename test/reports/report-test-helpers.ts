import { ApiClient, ApiResponse, backendFromEnv, newSession, Session, Stack, startStack } from '@finstack/testing';

export const backend = backendFromEnv();

export interface NewTransaction {
  occurredOn: string;
  amount: string;
  currency?: string;
  description?: string;
  merchant?: string;
  /** A category name: a starter category, or one created on the fly. */
  category?: string;
}

/** A user of the stack, with what a report test needs: transactions to add and reports to read. */
export interface ReportUser {
  session: Session;
  add(...transactions: NewTransaction[]): Promise<void>;
  /** GET under /api/v1/reports, e.g. get('summary?from=2025-01-01'). */
  get<T = Record<string, unknown>>(path: string): Promise<ApiResponse<T>>;
  categoryId(name: string): Promise<string>;
}

/** One stack (every app as a real process) for the file; each test makes its own users. */
export function useReportStack(name: string): { api: () => ApiClient; stack: () => Stack; newUser: (label?: string) => Promise<ReportUser> } {
  let stack: Stack;
  let api: ApiClient;
  beforeAll(async () => {
    stack = await startStack({ backend, name });
    api = new ApiClient(stack.baseUrl);
  });
  afterAll(() => stack?.stop());
  return { api: () => api, stack: () => stack, newUser: (label) => reportUser(api, label) };
}

async function reportUser(api: ApiClient, label = 'reports'): Promise<ReportUser> {
  const session = await newSession(api, label);
  const token = session.accessToken;
  const categories = new Map<string, string>();
  const categoryId = async (name: string): Promise<string> => {
    if (categories.size === 0) {
      const listed = await api.get<{ items: Array<{ id: string; name: string }> }>('/api/v1/categories', { token });
      for (const category of listed.body.items) categories.set(category.name, category.id);
    }
    let id = categories.get(name);
    if (id === undefined) {
      const created = await api.post('/api/v1/categories', { name, kind: 'expense' }, { token });
      if (created.status !== 201) throw new Error(`category ${name}: ${created.status} ${JSON.stringify(created.body)}`);
      id = String(created.body.id);
      categories.set(name, id);
    }
    return id;
  };
  return {
    session,
    categoryId,
    async add(...transactions) {
      for (const { category, currency = 'EUR', description = 'card payment', ...rest } of transactions) {
        const body = { ...rest, currency, description, ...(category ? { categoryId: await categoryId(category) } : {}) };
        // No automatic categories: what a test does not file stays uncategorised.
        const created = await api.post('/api/v1/transactions?autoCategorize=false', body, { token });
        if (created.status !== 201) throw new Error(`transaction: ${created.status} ${JSON.stringify(created.body)}`);
      }
    },
    get: (path) => api.get(`/api/v1/reports/${path}`, { token }),
  };
}
