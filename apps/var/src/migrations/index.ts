import { CreateVarTables1795400000000 } from './1795400000000-create-var-tables';

/** Every migration of the var schema, oldest first. */
export const VAR_MIGRATIONS = [CreateVarTables1795400000000];
