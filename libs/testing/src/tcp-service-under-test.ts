import { CommonEnv } from '@finstack/config';
import { DomainError } from '@finstack/contracts';
import { RpcClient, startTcpService } from '@finstack/rpc';
import { Type } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewayLikeTokens } from './call-tokens';

export interface TcpServiceUnderTestOptions<E extends CommonEnv> {
  name: string;
  settingsClass: new () => E;
  /** Imported only after the environment is set, as main.ts would find it. */
  loadModule: () => Promise<Type<unknown>>;
  /** The port the service listens on (also set in `env` under the service's own variable). */
  port: number;
  env: Record<string, string>;
  listen: (env: E) => { host: string; port: number };
  /** Patterns the gateway calls with its service token (operator-only ones); the client does the same. */
  asGatewayFor?: readonly string[];
}

export interface TcpServiceUnderTest<C extends object> {
  client: RpcClient<C>;
  stop(): Promise<void>;
}

/**
 * One TCP service booted in this process exactly as its main.ts boots it, on
 * embedded SQLite in a fresh folder, with a typed client over real TCP that
 * calls as the gateway would, with a token of the user each payload names.
 */
export async function startTcpServiceUnderTest<E extends CommonEnv, C extends object>(
  options: TcpServiceUnderTestOptions<E>,
): Promise<TcpServiceUnderTest<C>> {
  const dataDir = mkdtempSync(join(tmpdir(), `${options.name}-boot-`));
  const savedEnv = { ...process.env };
  Object.assign(process.env, { DATA_DIR: dataDir, LOG_LEVEL: 'error', LOG_FORMAT: 'text', ...options.env });
  delete process.env.DATABASE_URL;
  const service = await startTcpService({
    name: options.name,
    module: await options.loadModule(),
    settingsClass: options.settingsClass,
    listen: options.listen,
  });
  const proxy = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: options.port } });
  const client = new RpcClient<C>(proxy, { service: options.name, timeoutMs: 5000, token: gatewayLikeTokens(dataDir, options.name, options.asGatewayFor ?? []) });
  return {
    client,
    async stop() {
      client.close();
      await service.close();
      process.env = savedEnv;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The DomainError a call failed with; fails the test when the call succeeds. */
export function failureOf(call: Promise<unknown>): Promise<DomainError> {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: DomainError) => error,
  );
}

