import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsObject, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { ALL_EVENT_TYPES, DomainEvent, EventType } from '../events';
import { Rpc, RpcMessage } from '../rpc';
import { NOTIFICATIONS } from './patterns';

/** Events per delivery; a relay sends its batches well below this (and below the TCP frame cap). */
export const MAX_EVENTS_PER_DELIVERY = 500;

/** One event as it crosses the wire; its payload is checked by the route of its type. */
export class DeliveredEvent implements DomainEvent {
  @IsUUID()
  id!: string;

  @IsIn(ALL_EVENT_TYPES, { message: `type must be one of ${ALL_EVENT_TYPES.join(', ')}` })
  type!: EventType;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsOptional()
  @IsUUID()
  userId?: string;

  @IsObject()
  payload!: Record<string, unknown>;

  // W3C trace context: version, trace id, parent id, flags.
  @IsOptional()
  @Matches(/^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/, { message: 'traceparent must be a W3C traceparent' })
  traceparent?: string;
}

export class DeliverEventsMessage extends RpcMessage {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVENTS_PER_DELIVERY)
  @ValidateNested({ each: true })
  @Type(() => DeliveredEvent)
  events!: DeliveredEvent[];
}

/**
 * The ids notifications has pushed (or had pushed before: duplicates are
 * acknowledged without a second push), always a prefix of the events sent, in
 * order: the relay marks these and sends the rest again later.
 */
export interface EventsAcknowledged {
  acknowledged: string[];
}

export interface NotificationsContract {
  [NOTIFICATIONS.deliver]: Rpc<DeliverEventsMessage, EventsAcknowledged>;
}
