import { MARKET_DATA, PORTFOLIO, VAR } from '@finstack/contracts';
import { RpcClientProviderOptions } from '@finstack/rpc';

/**
 * How the gateway authenticates its TCP calls: with the caller's access token,
 * except for the patterns only the gateway itself authorizes (operator role or
 * the quote-ingest key): those carry the gateway's service token, and the
 * services accept them from the gateway's key alone (`@CallableBy('service:gateway')`).
 */
export const GATEWAY_CALLS: RpcClientProviderOptions = {
  forwardUserToken: true,
  asServiceFor: [PORTFOLIO.ingestQuotes, MARKET_DATA.fetchHistory, VAR.putPrices],
};
