import { HealthContract, LedgerContract } from '@finstack/contracts';
import { InjectRpcClient, RpcClient } from '@finstack/rpc';

export const LEDGER_SERVICE = 'ledger';
export type LedgerClient = RpcClient<LedgerContract & HealthContract>;
export const InjectLedger = () => InjectRpcClient(LEDGER_SERVICE);
