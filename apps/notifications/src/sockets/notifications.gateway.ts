import { JwtVerifier } from '@finstack/auth';
import { RoomReply, SOCKET_REQUESTS, SOCKET_TOKEN_EXPIRED, userRoom } from '@finstack/contracts';
import { AppMetrics } from '@finstack/metrics';
import { Logger, Optional } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { RecentPushes } from '../replay/recent-pushes';
import { RoomEmitter } from './room-emitter';
import { MAX_TICKER_ROOMS, refused, requestedTickerRoom } from './room-requests';
import { sessionOf, socketAuthentication } from './socket-authentication';
import { bindRecoveryToUser } from './user-bound-recovery';

/** setTimeout's longest delay; access tokens live 15 minutes. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The Socket.IO side: authenticated sockets, each in its user's room, that
 * may join and leave ticker rooms and nothing else. A socket is disconnected
 * when its access token expires; the client reconnects with a fresh one.
 */
@WebSocketGateway()
export class NotificationsGateway implements OnGatewayInit<Server>, OnGatewayConnection<Socket>, OnGatewayDisconnect<Socket> {
  private readonly logger = new Logger(NotificationsGateway.name);
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly verifier: JwtVerifier,
    private readonly emitter: RoomEmitter,
    @Optional() private readonly recent?: RecentPushes,
    @Optional() private readonly metrics?: AppMetrics,
  ) {}

  afterInit(server: Server): void {
    server.use(socketAuthentication(this.verifier));
    // A recovered session (rooms, missed events) goes only to the user it belonged to.
    bindRecoveryToUser(server.of('/'), (auth) => this.userOfToken(auth?.token));
    this.emitter.attach(server);
    // Sockets past authentication, on this replica.
    this.metrics?.watchSockets(() => server.of('/').sockets.size);
  }

  private userOfToken(token: unknown): string | undefined {
    if (typeof token !== 'string' || token === '') return undefined;
    try {
      return this.verifier.verifySession(token).user.userId;
    } catch {
      return undefined;
    }
  }

  handleConnection(socket: Socket): void {
    const { user, expiresAtMs } = sessionOf(socket);
    void socket.join(userRoom(user.userId));
    const lastEventId: unknown = socket.handshake.auth?.lastEventId;
    if (!socket.recovered && this.recent && typeof lastEventId === 'string') {
      // A client coming back names the last event it received; synchronously with the join, so no push falls in between.
      for (const event of this.recent.since(user.userId, lastEventId)) socket.emit(event.type, event);
    }
    const timer = setTimeout(() => {
      socket.emit(SOCKET_TOKEN_EXPIRED, { message: 'access token has expired; reconnect with a fresh one' });
      socket.disconnect(true);
    }, Math.min(Math.max(expiresAtMs - Date.now(), 0), MAX_TIMER_MS));
    this.expiryTimers.set(socket.id, timer);
    this.logger.debug(`socket ${socket.id} of ${user.userId} connected${socket.recovered ? ' (recovered)' : ''}`);
  }

  handleDisconnect(socket: Socket): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    this.expiryTimers.delete(socket.id);
  }

  @SubscribeMessage(SOCKET_REQUESTS.join)
  async join(@ConnectedSocket() socket: Socket, @MessageBody() request: unknown): Promise<RoomReply> {
    const asked = requestedTickerRoom(request);
    if ('error' in asked) return refused(asked.error);
    const tickerRooms = [...socket.rooms].filter((room) => room.startsWith('ticker:'));
    if (!socket.rooms.has(asked.room) && tickerRooms.length >= MAX_TICKER_ROOMS) {
      return refused(`a connection may follow at most ${MAX_TICKER_ROOMS} tickers; leave one first`);
    }
    await socket.join(asked.room);
    return { ok: true, room: asked.room };
  }

  @SubscribeMessage(SOCKET_REQUESTS.leave)
  async leave(@ConnectedSocket() socket: Socket, @MessageBody() request: unknown): Promise<RoomReply> {
    const asked = requestedTickerRoom(request);
    if ('error' in asked) return refused(asked.error);
    await socket.leave(asked.room);
    return { ok: true, room: asked.room };
  }
}
