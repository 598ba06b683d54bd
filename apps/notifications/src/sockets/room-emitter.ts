import { DomainError, DomainEvent, ErrorCode } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { InjectRedis, RedisConnection } from '../redis/redis-connection';

/**
 * Pushes an event to rooms, each socket once even when it is in several of
 * them (a holder watching the ticker). The Socket.IO event name is the event
 * type; the data is the whole event, id included, so clients can dedupe too.
 */
@Injectable()
export class RoomEmitter {
  private server?: Server;

  constructor(@InjectRedis() private readonly redis: RedisConnection | null) {}

  attach(server: Server): void {
    this.server = server;
  }

  /** Ends every socket of a user, on every replica (through the adapter): a deleted account stops receiving at once. */
  disconnectUser(room: string): void {
    this.server?.in(room).disconnectSockets(true);
  }

  emit(rooms: readonly string[], event: DomainEvent): void {
    // Refused rather than lost: the relay keeps the event and sends it again.
    if (!this.server) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'the Socket.IO server is not running yet');
    if (this.redis && !this.redis.isReady) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Redis is unavailable');
    if (rooms.length > 0) this.server.to([...rooms]).emit(event.type, event);
  }
}
