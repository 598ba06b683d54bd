/*
 * The pushes of the notifications app as types, for a socket.io-client:
 * `io(url, { path: SOCKET_PATH, auth }) as Socket<PushEvents, PushRequests>`.
 * Taken from libs/contracts' event types; docs/asyncapi.yaml describes them.
 */
import type { KnownEvent } from '../../contracts/src/events/events';
import type { RoomReply, SocketAuth } from '../../contracts/src/notifications/socket-protocol';

export { EVENT_TYPES, ALL_EVENT_TYPES } from '../../contracts/src/events/events';
export { SOCKET_PATH, SOCKET_REQUESTS, SOCKET_TOKEN_EXPIRED, SOCKET_UNAUTHORIZED } from '../../contracts/src/notifications/socket-protocol';
export type {
  AlertTriggeredEvent,
  AuthLoginEvent,
  EventType,
  KnownEvent,
  PriceChangedEvent,
  TransactionCategorizedEvent,
  TransactionCreatedEvent,
  VarCompletedEvent,
  VarProgressEvent,
} from '../../contracts/src/events/events';
export type { RoomReply, SocketAuth };

/** Server → client: each event's name is its type, and its argument the whole event. */
export type PushEvents = {
  [Event in KnownEvent as Event['type']]: (event: Event) => void;
} & {
  /** Sent just before the server disconnects a socket whose access token has expired. */
  'token.expired': (notice: { message: string }) => void;
};

/** Client → server: join or leave a ticker room (`{ room: "ticker:AAPL" }`), answered through the acknowledgement. */
export interface PushRequests {
  join: (request: { room: string }, ack: (reply: RoomReply) => void) => void;
  leave: (request: { room: string }, ack: (reply: RoomReply) => void) => void;
}
