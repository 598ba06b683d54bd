import { LedgerContract } from '@finstack/contracts';
import { InjectRpcClient, RpcClient, rpcClientProvider } from '@finstack/rpc';
import { ClassifierEnv } from '../classifier-env';

export const LEDGER_SERVICE = 'ledger';

/** The classifier reads transactions and categories, and writes categories, only through the ledger's patterns. */
export type LedgerClient = Pick<RpcClient<LedgerContract>, 'send'>;

export const InjectLedger = () => InjectRpcClient(LEDGER_SERVICE);

export const ledgerClientProvider = rpcClientProvider(LEDGER_SERVICE, ClassifierEnv, (env) => ({
  host: env.TRX_CRUD_HOST,
  port: env.TRX_CRUD_PORT,
}));
