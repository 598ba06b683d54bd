import { CreateLedgerTables1763683200000 } from './1763683200000-create-ledger-tables';
import { CategorizationAndImports1764201600000 } from './1764201600000-categorization-and-imports';
import { RunningTotals1764806400000 } from './1764806400000-running-totals';
import { LedgerOutbox1795392000000 } from './1795392000000-ledger-outbox';
import { NarrowTransactionKeys1795478400000 } from './1795478400000-narrow-transaction-keys';
import { RunningTotalsSlots1796601600000 } from './1796601600000-running-totals-slots';
import { IdempotencyKeysByExpiry1796688000000 } from './1796688000000-idempotency-keys-by-expiry';
import { OutboxTraceparent1797100000000 } from './1797100000000-outbox-traceparent';

/** Every migration of the ledger schema, oldest first. */
export const LEDGER_MIGRATIONS = [
  CreateLedgerTables1763683200000,
  CategorizationAndImports1764201600000,
  RunningTotals1764806400000,
  LedgerOutbox1795392000000,
  NarrowTransactionKeys1795478400000,
  RunningTotalsSlots1796601600000,
  IdempotencyKeysByExpiry1796688000000,
  OutboxTraceparent1797100000000,
];
