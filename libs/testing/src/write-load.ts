import { ApiClient, Session } from './api-client';

/** A request still unanswered after this has hung. */
export const HANG_MS = 10_000;

export interface WriteOutcome {
  description: string;
  sentAt: number;
  /** When the answer (or the network error) came. */
  answeredAt?: number;
  status?: number;
  code?: string;
  /** 'hang' when no answer came within HANG_MS; otherwise what the network said. */
  networkError?: string;
}

/**
 * A steady load of writes through the gateway: `writers` loops of
 * POST /api/v1/transactions, each with a unique description, until stopped.
 * Every request's outcome is kept, so a test can check afterwards that each
 * 201 has its row and that no refusal left one behind.
 */
export class WriteLoad {
  readonly outcomes: WriteOutcome[] = [];
  private running = true;
  private readonly loops: Promise<void>[];

  constructor(
    private readonly baseUrl: string,
    private readonly user: Session,
    label: string,
    readonly writers = 20,
  ) {
    this.loops = Array.from({ length: writers }, (_, writer) => this.loop(`${label}-${writer}`));
  }

  async stop(): Promise<WriteOutcome[]> {
    this.running = false;
    await Promise.all(this.loops);
    return this.outcomes;
  }

  /** Resolves once `count` more requests have been answered with 201. */
  async created(count: number): Promise<void> {
    const target = this.ok().length + count;
    while (this.ok().length < target) await sleep(20);
  }

  ok(): WriteOutcome[] {
    return this.outcomes.filter((outcome) => outcome.status === 201);
  }

  private async loop(writer: string): Promise<void> {
    for (let i = 0; this.running; i++) {
      const outcome: WriteOutcome = { description: `${writer}-${i}`, sentAt: Date.now() };
      this.outcomes.push(outcome);
      try {
        const response = await fetch(`${this.baseUrl}/api/v1/transactions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.user.accessToken}` },
          body: JSON.stringify({ occurredOn: '2025-04-01', amount: '-1.00', currency: 'EUR', description: outcome.description }),
          signal: AbortSignal.timeout(HANG_MS),
        });
        outcome.status = response.status;
        outcome.code = ((await response.json()) as { code?: string }).code;
      } catch (error) {
        outcome.networkError = (error as Error).name === 'TimeoutError' ? 'hang' : String((error as Error).cause ?? error);
        await sleep(20); // the gateway is gone: do not spin
      } finally {
        outcome.answeredAt = Date.now();
      }
    }
  }
}

/** Every description the user's ledger holds, read page by page. */
export async function storedDescriptions(api: ApiClient, user: Session): Promise<Set<string>> {
  const found = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await api.get<{ items: Array<{ description: string }>; nextCursor?: string | null }>(
      `/api/v1/transactions?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token: user.accessToken },
    );
    if (page.status !== 200) throw new Error(`listing transactions answered ${page.status}`);
    for (const item of page.body.items) found.add(item.description);
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
