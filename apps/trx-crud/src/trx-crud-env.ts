import { CommonEnv } from '@finstack/config';

/**
 * Settings of the ledger service. Everything it needs is common to all apps:
 * the database, and TRX_CRUD_HOST/TRX_CRUD_PORT, which the gateway reads too.
 */
export class TrxCrudEnv extends CommonEnv {}
