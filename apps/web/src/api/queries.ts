import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, session } from './http';
import {
  itemsOf,
  type Account,
  type Alert,
  type Cashflow,
  type Category,
  type Holdings,
  type Page,
  type Rule,
  type Run,
  type Schemas,
  type SessionItem,
  type Suggestion,
  type Summary,
  type Transaction,
  type Watch,
} from './types';

export const keys = {
  me: ['me'] as const,
  sessions: ['me', 'sessions'] as const,
  categories: ['categories'] as const,
  transactions: (filters: TransactionFilters) => ['transactions', filters] as const,
  suggestions: (id: string) => ['transactions', 'suggestions', id] as const,
  summary: (params: Record<string, string | undefined>) => ['reports', 'summary', params] as const,
  cashflow: (params: Record<string, string | undefined>) => ['reports', 'cashflow', params] as const,
  holdings: ['holdings'] as const,
  watchlist: ['watchlist'] as const,
  alerts: ['watchlist', 'alerts'] as const,
  rules: ['rules'] as const,
  runs: ['runs'] as const,
  run: (id: string) => ['runs', id] as const,
  tickers: ['tickers'] as const,
};

export interface TransactionFilters {
  from?: string;
  to?: string;
  categoryId?: string;
  uncategorized?: boolean;
  minAmount?: string;
  maxAmount?: string;
  q?: string;
}

/** The ledger's page size; the API's maximum is larger, the list virtualises what it holds. */
export const LEDGER_PAGE = 100;

export const useMe = () => useQuery({ queryKey: keys.me, queryFn: () => api<Account>('GET', '/auth/me') });

export const useSessions = () => useQuery({ queryKey: keys.sessions, queryFn: async () => itemsOf(await api<Page<SessionItem>>('GET', '/auth/sessions')) });

const categoriesQuery = queryOptions({
  queryKey: keys.categories,
  queryFn: async () => itemsOf(await api<Page<Category>>('GET', '/categories')),
  staleTime: 60_000,
});

export const useCategories = () => useQuery(categoriesQuery);

const transactionsQuery = (filters: TransactionFilters) =>
  infiniteQueryOptions({
    queryKey: keys.transactions(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<Page<Transaction>>('GET', '/transactions', {
        query: { ...filters, uncategorized: filters.uncategorized || undefined, limit: LEDGER_PAGE, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last: Page<Transaction>) => last.nextCursor,
  });

export const useTransactions = (filters: TransactionFilters) => useInfiniteQuery(transactionsQuery(filters));

/**
 * The ledger's first page and the categories, asked for as soon as the
 * router heads to the ledger: in parallel with its code, not after it.
 * Only with a session (a cold load refreshes first, then the screen asks).
 */
export function prefetchLedger(client: QueryClient): null {
  if (session.isFresh()) {
    void client.prefetchInfiniteQuery(transactionsQuery({}));
    void client.prefetchQuery(categoriesQuery);
  }
  return null;
}

export const useSuggestions = (id: string | null) =>
  useQuery({
    queryKey: keys.suggestions(id ?? ''),
    queryFn: () => api<Suggestion[]>('GET', `/transactions/${id}/category-suggestions`),
    enabled: id !== null,
  });

export const useSummary = (params: { from?: string; to?: string; groupBy: string; currency?: string }) =>
  useQuery({ queryKey: keys.summary(params), queryFn: () => api<Summary>('GET', '/reports/summary', { query: params }) });

export const useCashflow = (params: { from?: string; to?: string; interval: string; currency?: string }) =>
  useQuery({ queryKey: keys.cashflow(params), queryFn: () => api<Cashflow>('GET', '/reports/cashflow', { query: params }) });

export const useHoldings = () =>
  useQuery({
    queryKey: keys.holdings,
    queryFn: () => api<Holdings>('GET', '/portfolio/holdings'),
  });

export const useWatchlist = () =>
  useQuery({ queryKey: keys.watchlist, queryFn: async () => itemsOf(await api<Page<Watch>>('GET', '/watchlist')) });

export const useAlerts = () =>
  useQuery({ queryKey: keys.alerts, queryFn: async () => itemsOf(await api<Page<Alert>>('GET', '/watchlist/alerts', { query: { limit: 50 } })) });

export const useRules = () => useQuery({ queryKey: keys.rules, queryFn: async () => itemsOf(await api<Page<Rule>>('GET', '/rules')) });

export const useRuns = () =>
  useQuery({ queryKey: keys.runs, queryFn: async () => itemsOf(await api<Page<Run>>('GET', '/var/analyses', { query: { limit: 50 } })) });

export const useRun = (id: string | null, poll: boolean) =>
  useQuery({
    queryKey: keys.run(id ?? ''),
    queryFn: () => api<Run>('GET', `/var/analyses/${id}`),
    enabled: id !== null,
    // Pushes drive the progress; a slow poll covers a lost push.
    refetchInterval: poll ? 5_000 : false,
  });

export const useTickers = () =>
  useQuery({
    queryKey: keys.tickers,
    queryFn: async () => itemsOf(await api<Schemas['TickersView']>('GET', '/market/tickers')),
  });

/** A mutation that refreshes the given queries when it succeeds. */
export function useApiMutation<Input, Output>(call: (input: Input) => Promise<Output>, invalidate: readonly (readonly unknown[])[]) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => Promise.all(invalidate.map((queryKey) => queries.invalidateQueries({ queryKey }))),
  });
}
