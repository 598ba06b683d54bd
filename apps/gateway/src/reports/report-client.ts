import { HealthContract, ReportContract } from '@finstack/contracts';
import { InjectRpcClient, RpcClient } from '@finstack/rpc';

export const REPORT_SERVICE = 'report';
export type ReportClient = RpcClient<ReportContract & HealthContract>;
export const InjectReport = () => InjectRpcClient(REPORT_SERVICE);
