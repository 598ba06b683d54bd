import { HealthContract, VarContract } from '@finstack/contracts';
import { InjectRpcClient, RpcClient } from '@finstack/rpc';

export const VAR_SERVICE = 'var';
export type VarClient = RpcClient<VarContract & HealthContract>;
export const InjectVar = () => InjectRpcClient(VAR_SERVICE);
