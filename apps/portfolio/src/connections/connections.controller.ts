import { ConnectionMessage, MARKET_DATA, MarketDataContract, PutConnectionMessage, UserMessage } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ConnectionsService } from './connections.service';

type Reply<P extends keyof MarketDataContract> = Promise<MarketDataContract[P]['response']>;

@Controller()
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  @MessagePattern(MARKET_DATA.putConnection)
  put(@Payload() message: PutConnectionMessage): Reply<typeof MARKET_DATA.putConnection> {
    return this.connections.put(message.userId, message.params.provider, message.body.apiKey);
  }

  @MessagePattern(MARKET_DATA.listConnections)
  list(@Payload() message: UserMessage): Reply<typeof MARKET_DATA.listConnections> {
    return this.connections.list(message.userId);
  }

  @MessagePattern(MARKET_DATA.deleteConnection)
  delete(@Payload() message: ConnectionMessage): Reply<typeof MARKET_DATA.deleteConnection> {
    return this.connections.delete(message.userId, message.params.provider);
  }
}
