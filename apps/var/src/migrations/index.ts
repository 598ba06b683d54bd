import { CreateVarTables1795400000000 } from './1795400000000-create-var-tables';
import { OutboxTraceparent1797100000000 } from './1797100000000-outbox-traceparent';

/** Every migration of the var schema, oldest first. */
export const VAR_MIGRATIONS = [CreateVarTables1795400000000, OutboxTraceparent1797100000000];
