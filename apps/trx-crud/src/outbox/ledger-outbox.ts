import { DomainEvent } from '@finstack/contracts';
import { SqlExecutor } from '@finstack/database';
import { appendEvents, OutboxRelay } from '@finstack/outbox';
import { Injectable, Optional } from '@nestjs/common';

/** The outbox of the ledger schema (see @finstack/outbox). */
export const LEDGER_OUTBOX = 'ledger_outbox';

/**
 * Where the ledger's use cases put their events: `append` inside the
 * change's database transaction, so an event exists exactly when its change
 * commits; `committed` after the commit, so it leaves at once rather than at
 * the relay's next poll.
 */
@Injectable()
export class LedgerOutbox {
  // Absent where no relay runs (unit specs of the feature modules): the events stay in the table.
  constructor(@Optional() private readonly relay?: OutboxRelay) {}

  async append(executor: SqlExecutor, events: readonly DomainEvent[]): Promise<void> {
    if (events.length > 0) await appendEvents(executor, LEDGER_OUTBOX, events);
  }

  committed(): void {
    this.relay?.wake();
  }
}
