import { CommonEnv } from '@finstack/config';
import { FactoryProvider, Inject, OnApplicationShutdown } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { RpcClient } from './rpc-client';
import { MAX_FRAME_BYTES } from './tcp-frame';

export interface RpcEndpoint {
  host: string;
  port: number;
}

/** Injection token of the client for one service, e.g. rpcClientToken('ledger'). */
export const rpcClientToken = (service: string) => `RpcClient:${service}`;

/** Injects the client of one service: `@InjectRpcClient('ledger') ledger: RpcClient<LedgerContract>`. */
export const InjectRpcClient = (service: string) => Inject(rpcClientToken(service));

/**
 * Provides a typed client for one TCP service. The endpoint is read from the
 * app's validated settings; the connection opens lazily on first call and
 * re-opens after the service restarts.
 */
export function rpcClientProvider<E extends CommonEnv>(
  service: string,
  settingsClass: new () => E,
  endpoint: (env: E) => RpcEndpoint,
): FactoryProvider<RpcClient<object> & OnApplicationShutdown> {
  return {
    provide: rpcClientToken(service),
    inject: [settingsClass],
    useFactory: (env: E) => {
      const proxy = ClientProxyFactory.create({
        transport: Transport.TCP,
        options: { ...endpoint(env), maxBufferSize: MAX_FRAME_BYTES },
      });
      const client = new RpcClient<object>(proxy, { service, timeoutMs: env.RPC_TIMEOUT_MS });
      return Object.assign(client, { onApplicationShutdown: () => client.close() });
    },
  };
}
