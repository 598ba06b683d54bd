import { rpcClientProvider } from '@finstack/rpc';
import { TrxCrudEnv } from '../trx-crud-env';

/** The classifier, which the ledger asks for categories before it writes new rows (one create, an import's batches). */
export const CLASSIFIER_SERVICE = 'classifier';

export const classifierClientProvider = () =>
  rpcClientProvider(CLASSIFIER_SERVICE, TrxCrudEnv, (env) => ({ host: env.CLASSIFIER_HOST, port: env.CLASSIFIER_PORT }));
