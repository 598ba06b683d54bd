import { CreateLedgerTables1763683200000 } from './1763683200000-create-ledger-tables';
import { CategorizationAndImports1764201600000 } from './1764201600000-categorization-and-imports';

/** Every migration of the ledger schema, oldest first. */
export const LEDGER_MIGRATIONS = [CreateLedgerTables1763683200000, CategorizationAndImports1764201600000];
