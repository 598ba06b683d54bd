import { ConnectionList, ConnectionView, DomainError, ErrorCode, MarketDataProviderId } from '@finstack/contracts';
import { Envelope } from '@finstack/crypto';
import { TransactionRunner } from '@finstack/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { InjectGate } from '../market-data/market-data.tokens';
import { ProviderGate } from '../market-data/provider-gate';
import { ProviderKeyRefusedError } from '../market-data/provider-errors';
import { CONNECTION_KEY_PURPOSE, deleteConnection, MarketConnection, replaceConnection, selectUserConnections } from './market-connection-rows';

/** The symbol a new key is tried on: any listed stock would do. */
const KEY_CHECK_TICKER = 'AAPL';

/**
 * A user's API keys for market-data providers: each is tried once against
 * the provider, then stored sealed under the user's id. Nothing here returns,
 * logs or puts the key in an event: only its last 4 characters leave.
 */
@Injectable()
export class ConnectionsService {
  private readonly logger = new Logger(ConnectionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TransactionRunner,
    private readonly envelope: Envelope,
    @InjectGate() private readonly gate: ProviderGate,
  ) {}

  async put(userId: string, provider: MarketDataProviderId, apiKey: string): Promise<ConnectionView> {
    await this.checkKey(apiKey);
    const connection: MarketConnection = {
      id: uuidv7(),
      userId,
      provider,
      sealedKey: await this.envelope.seal(apiKey, { purpose: CONNECTION_KEY_PURPOSE, userId }),
      keyLast4: apiKey.slice(-4),
      createdAt: new Date(),
      lastUsedAt: null,
      lastError: null,
      lastErrorAt: null,
    };
    await this.runner.run((manager) => replaceConnection(manager, connection));
    this.logger.log({ msg: 'market-data connection stored', userId, provider });
    return toView(connection);
  }

  async list(userId: string): Promise<ConnectionList> {
    return { items: (await selectUserConnections(this.dataSource.manager, userId)).map(toView), nextCursor: null };
  }

  async delete(userId: string, provider: MarketDataProviderId): Promise<{ provider: MarketDataProviderId }> {
    const existing = (await selectUserConnections(this.dataSource.manager, userId)).find((connection) => connection.provider === provider);
    if (!existing) throw new DomainError(ErrorCode.CONNECTION_NOT_FOUND, `there is no ${provider} connection to delete`);
    await this.runner.run((manager) => deleteConnection(manager, userId, provider));
    return { provider };
  }

  /** One quote with the key: a refusal is the caller's 400, naming what the provider said. */
  private async checkKey(apiKey: string): Promise<void> {
    try {
      await this.gate.call(apiKey, (provider) => provider.quote(apiKey, KEY_CHECK_TICKER));
    } catch (error) {
      if (error instanceof ProviderKeyRefusedError) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `${error.provider} refused the API key: ${error.refusal}`, [
          { field: 'body.apiKey', errors: [`${error.provider} refused it: ${error.refusal}`] },
        ]);
      }
      throw new DomainError(
        ErrorCode.SERVICE_UNAVAILABLE,
        `${this.gate.provider.displayName} could not check the key now: ${error instanceof Error ? error.message : 'no answer'}; try again later`,
      );
    }
  }
}

function toView(connection: MarketConnection): ConnectionView {
  return {
    provider: connection.provider as MarketDataProviderId,
    keyLast4: connection.keyLast4,
    createdAt: connection.createdAt.toISOString(),
    lastUsedAt: connection.lastUsedAt?.toISOString() ?? null,
    lastError: connection.lastError,
    lastErrorAt: connection.lastErrorAt?.toISOString() ?? null,
  };
}
