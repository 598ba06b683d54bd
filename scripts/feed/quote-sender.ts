import { QuoteInput, QuotesIngested } from '@finstack/contracts';
import { FinstackClient } from '@finstack/client';
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
    private readonly api: FinstackClient,
    private readonly baseUrl: string,
    private readonly credentials: FeedCredentials,
  ) {}

  async send(quotes: QuoteInput[]): Promise<QuotesIngested> {
    let answer = await this.post(quotes);
    if (answer.response.status === 401 && 'email' in this.credentials) {
      this.accessToken = undefined;
      answer = await this.post(quotes);
    }
    if (!answer.data) throw new FeedError(`the gateway refused quotes: ${refusal(answer)}`);
    return answer.data;
  }

  private async post(quotes: QuoteInput[]) {
    const apiKey = 'apiKey' in this.credentials ? { 'x-api-key': this.credentials.apiKey } : {};
    const token = 'email' in this.credentials ? { authorization: `Bearer ${await this.token(this.credentials)}` } : {};
    return this.reach(() => this.api.POST('/api/v1/quotes', { body: { quotes }, headers: { ...apiKey, ...token } }));
  }

  private async token(credentials: { email: string; password: string }): Promise<string> {
    if (this.accessToken) return this.accessToken;
    const login = await this.reach(() => this.api.POST('/api/v1/auth/login', { body: credentials }));
    if (!login.data) throw new FeedError(`could not log in as ${credentials.email}: ${refusal(login)}`);
    if (!('accessToken' in login.data)) throw new FeedError(`${credentials.email} has MFA on: give the feed an ingest API key (QUOTES_INGEST_API_KEY) instead`);
    this.accessToken = login.data.accessToken;
    return this.accessToken;
  }

  /** fetch's own failure says little ("fetch failed"); name the gateway it could not reach. */
  private async reach<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new FeedError(`cannot reach the gateway at ${this.baseUrl} (${cause}); is it running?`);
    }
  }
}

function refusal(answer: { response: Response; error?: { code?: string; message?: string } }): string {
  return answer.error?.code ? `${answer.response.status} ${answer.error.code}: ${answer.error.message}` : `HTTP ${answer.response.status}`;
}
