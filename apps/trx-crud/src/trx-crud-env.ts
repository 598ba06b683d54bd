import { CommonEnv } from '@finstack/config';

/**
 * Settings of the ledger service. Everything it needs is common to all apps:
 * the database, TRX_CRUD_HOST/TRX_CRUD_PORT, which the gateway reads too, and
 * NOTIFICATIONS_HOST/NOTIFICATIONS_TCP_PORT, where its outbox relay sends events.
 */
export class TrxCrudEnv extends CommonEnv {}
