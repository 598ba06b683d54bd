import { QuoteInput, QuotesIngested } from '@finstack/contracts';
import { ApiClient, ApiResponse } from '@finstack/testing';
import { FeedCredentials } from './feed-options';

/** The gateway refused a batch, or could not be reached; the feed stops (exit 1). */
export class FeedError extends Error {
  override name = 'FeedError';
}

/**
 * Posts batches of quotes with the feed's credentials. An operator's access
 * token expires during a long replay: on a 401 the sender logs in again and
 * retries that batch once.
 */
export class QuoteSender {
  private accessToken?: string;

  constructor(
    private readonly api: ApiClient,
    private readonly credentials: FeedCredentials,
  ) {}

  async send(quotes: QuoteInput[]): Promise<QuotesIngested> {
    let response = await this.post(quotes);
    if (response.status === 401 && 'email' in this.credentials) {
      this.accessToken = undefined;
      response = await this.post(quotes);
    }
    if (response.status !== 200) throw new FeedError(`the gateway refused quotes: ${refusal(response)}`);
    return response.body;
  }

  private async post(quotes: QuoteInput[]): Promise<ApiResponse<QuotesIngested>> {
    const headers = 'apiKey' in this.credentials ? { 'x-api-key': this.credentials.apiKey } : undefined;
    const token = 'email' in this.credentials ? await this.token(this.credentials) : undefined;
    return this.reach(() => this.api.post<QuotesIngested>('/api/v1/quotes', { quotes }, { headers, token }));
  }

  private async token(credentials: { email: string; password: string }): Promise<string> {
    if (this.accessToken) return this.accessToken;
    const login = await this.reach(() => this.api.post<{ accessToken?: string }>('/api/v1/auth/login', credentials));
    if (login.status !== 200 || !login.body.accessToken) throw new FeedError(`could not log in as ${credentials.email}: ${refusal(login)}`);
    this.accessToken = login.body.accessToken;
    return this.accessToken;
  }

  /** fetch's own failure says little ("fetch failed"); name the gateway it could not reach. */
  private async reach<T>(call: () => Promise<ApiResponse<T>>): Promise<ApiResponse<T>> {
    try {
      return await call();
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new FeedError(`cannot reach the gateway at ${this.api.baseUrl} (${cause}); is it running?`);
    }
  }
}

function refusal(response: ApiResponse<unknown>): string {
  const body = response.body as { code?: unknown; message?: unknown } | undefined;
  return typeof body === 'object' && body !== null && 'code' in body
    ? `${response.status} ${String(body.code)}: ${String(body.message)}`
    : `HTTP ${response.status}`;
}
