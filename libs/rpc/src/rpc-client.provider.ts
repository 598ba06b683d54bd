import { CommonEnv } from '@finstack/config';
import { FactoryProvider, Inject, OnApplicationShutdown } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { callAuth } from './call-auth';
import { currentUserToken } from './request-context';
import { RpcClient } from './rpc-client';
import { FramedSocket } from './framed-socket';

export interface RpcEndpoint {
  host: string;
  port: number;
}

/** Injection token of the client for one service, e.g. rpcClientToken('ledger'). */
export const rpcClientToken = (service: string) => `RpcClient:${service}`;

/** Injects the client of one service: `@InjectRpcClient('ledger') ledger: RpcClient<LedgerContract>`. */
export const InjectRpcClient = (service: string) => Inject(rpcClientToken(service));

/** The app behind each client name: the `aud` of the service tokens sent to it. */
const APP_OF_CLIENT: Readonly<Record<string, string>> = {
  ledger: 'trx-crud',
  classifier: 'classifier',
  report: 'report',
  portfolio: 'portfolio',
  var: 'var',
  notifications: 'notifications',
};

export interface RpcClientProviderOptions {
  /**
   * Gateway only: a call made while serving a user's HTTP request carries that
   * user's access token; one made for no request (a background job) carries a
   * service token. Every other app always calls with its service token.
   */
  forwardUserToken?: boolean;
  /** Gateway only: patterns it authorizes itself (operator role, ingest key) and so always calls with its own service token. */
  asServiceFor?: readonly string[];
  /** The app behind a client whose name is not an app's (e.g. a second client of one service). */
  audience?: string;
}

/** The token of each call: the user's (when forwarded) or a fresh service token for the callee. */
export function callToken(service: string, options: RpcClientProviderOptions = {}): (pattern: string) => string {
  const audience = options.audience ?? APP_OF_CLIENT[service];
  if (audience === undefined) throw new Error(`no app is known behind the client "${service}"`);
  const asService = new Set(options.asServiceFor ?? []);
  return (pattern) => {
    const userToken = options.forwardUserToken && !asService.has(pattern) ? currentUserToken() : undefined;
    return userToken ?? callAuth().signer.tokenFor(audience);
  };
}

/**
 * Provides a typed client for one TCP service. The endpoint is read from the
 * app's validated settings; the connection opens lazily on first call and
 * re-opens after the service restarts.
 */
export function rpcClientProvider<E extends CommonEnv>(
  service: string,
  settingsClass: new () => E,
  endpoint: (env: E) => RpcEndpoint,
  options: RpcClientProviderOptions = {},
): FactoryProvider<RpcClient<object> & OnApplicationShutdown> {
  return {
    provide: rpcClientToken(service),
    inject: [settingsClass],
    useFactory: (env: E) => {
      const proxy = ClientProxyFactory.create({
        transport: Transport.TCP,
        options: { ...endpoint(env), socketClass: FramedSocket },
      });
      const client = new RpcClient<object>(proxy, { service, timeoutMs: env.RPC_TIMEOUT_MS, token: callToken(service, options) });
      return Object.assign(client, { onApplicationShutdown: () => client.close() });
    },
  };
}
