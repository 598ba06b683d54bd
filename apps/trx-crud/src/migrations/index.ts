import { CreateLedgerTables1763683200000 } from './1763683200000-create-ledger-tables';

/** Every migration of the ledger schema, oldest first. */
export const LEDGER_MIGRATIONS = [CreateLedgerTables1763683200000];
