import { HealthContract, PortfolioContract } from '@finstack/contracts';
import { InjectRpcClient, RpcClient } from '@finstack/rpc';

export const PORTFOLIO_SERVICE = 'portfolio';
export type PortfolioClient = RpcClient<PortfolioContract & HealthContract>;
export const InjectPortfolio = () => InjectRpcClient(PORTFOLIO_SERVICE);
