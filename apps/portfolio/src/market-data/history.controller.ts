import { CallableBy } from '@finstack/rpc';
import { DomainError, ErrorCode, FetchHistoryMessage, MARKET_DATA, MarketDataContract, MarketDataProviderId } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PortfolioEnv } from '../portfolio-env';
import { historyCsv } from './history-csv';
import { InjectGate } from './market-data.tokens';
import { ProviderGate } from './provider-gate';
import { ProviderKeyRefusedError } from './provider-errors';

/** How far back a refresh reaches: enough for any VaR look-back. */
const HISTORY_YEARS = 5;

/** A ticker's daily history from the provider, with the system key, for an operator's refresh of the stored history. */
@Controller()
export class HistoryController {
  constructor(
    @InjectGate() private readonly gate: ProviderGate,
    private readonly env: PortfolioEnv,
  ) {}

  @MessagePattern(MARKET_DATA.fetchHistory)
  @CallableBy('service:gateway')
  async fetch(@Payload() message: FetchHistoryMessage): Promise<MarketDataContract[typeof MARKET_DATA.fetchHistory]['response']> {
    const apiKey = this.env.MARKET_DATA_API_KEY;
    const name = this.gate.provider.displayName;
    if (!apiKey) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `no system ${name} key is configured (MARKET_DATA_API_KEY)`);
    const { ticker } = message.params;
    const to = new Date();
    const from = new Date(Date.UTC(to.getUTCFullYear() - HISTORY_YEARS, to.getUTCMonth(), to.getUTCDate()));
    let bars;
    try {
      bars = await this.gate.call(apiKey, (provider) => provider.dailyHistory(apiKey, ticker, from, to));
    } catch (error) {
      if (error instanceof ProviderKeyRefusedError) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `${name} refused the system key: ${error.refusal}`);
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, error instanceof Error ? error.message : `${name} did not answer`);
    }
    if (bars.length === 0) throw new DomainError(ErrorCode.UNKNOWN_TICKER, `${name} has no daily history for ${ticker}`);
    return { ticker, provider: this.gate.provider.id as MarketDataProviderId, days: bars.length, csv: historyCsv(bars) };
  }
}
