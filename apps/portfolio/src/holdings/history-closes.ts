import { VarContract, VAR } from '@finstack/contracts';
import { InjectRpcClient, RpcClient, rpcClientProvider } from '@finstack/rpc';
import { Injectable, Logger } from '@nestjs/common';
import { priceMicro } from '../common/scaled-text';
import { PortfolioEnv } from '../portfolio-env';

const VAR_SERVICE = 'var';

/** A wallet read waits this long for the closes, then answers without them. */
const CLOSES_TIMEOUT_MS = 2_000;

/** The last close of a ticker's stored price history. */
export interface HistoryClose {
  closeMicro: bigint;
  /** 'YYYY-MM-DD' */
  date: string;
}

export const varClientProvider = rpcClientProvider(VAR_SERVICE, PortfolioEnv, (env) => ({ host: env.VAR_HOST, port: env.VAR_PORT }));

/**
 * The last closes of the stored price histories, asked of the var service,
 * which alone owns the price files. A fallback for holdings without a live
 * quote: when var does not answer, the wallet shows those holdings unpriced
 * rather than failing.
 */
@Injectable()
export class HistoryCloses {
  private readonly logger = new Logger(HistoryCloses.name);

  constructor(@InjectRpcClient(VAR_SERVICE) private readonly risk: Pick<RpcClient<VarContract>, 'send'>) {}

  async of(tickers: readonly string[]): Promise<Map<string, HistoryClose>> {
    const closes = new Map<string, HistoryClose>();
    if (tickers.length === 0) return closes;
    try {
      const { items } = await this.risk.send(VAR.lastCloses, { tickers: [...new Set(tickers)] }, CLOSES_TIMEOUT_MS);
      for (const item of items) closes.set(item.ticker, { closeMicro: priceMicro(item.close), date: item.date });
    } catch (error) {
      this.logger.warn(`no history closes for ${tickers.length} unquoted ticker(s): ${error instanceof Error ? error.message : String(error)}`);
    }
    return closes;
  }
}
