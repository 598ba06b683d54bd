import { LedgerContract } from '@finstack/contracts';
import { InjectRpcClient, RpcClient, rpcClientProvider } from '@finstack/rpc';
import { ReportEnv } from '../report-env';

export const LEDGER_SERVICE = 'ledger';

/** The report service reads stored transactions only as the ledger's aggregates. */
export type LedgerClient = Pick<RpcClient<LedgerContract>, 'send'>;

export const InjectLedger = () => InjectRpcClient(LEDGER_SERVICE);

export const ledgerClientProvider = rpcClientProvider(LEDGER_SERVICE, ReportEnv, (env) => ({
  host: env.TRX_CRUD_HOST,
  port: env.TRX_CRUD_PORT,
}));
