import { CommonEnv } from '@finstack/config';

/**
 * Settings of the report service. It keeps no data, so all it needs is common
 * to every app: REPORT_HOST/REPORT_PORT to listen on (the gateway reads them
 * too) and TRX_CRUD_HOST/TRX_CRUD_PORT to ask the ledger for its totals.
 */
export class ReportEnv extends CommonEnv {}
