import { IsIn, IsISO8601, isISO8601, IsObject, isObject, IsOptional, IsUUID, isUUID, Matches } from 'class-validator';
import { ALL_EVENT_TYPES, DomainEvent, EventType } from '../events';
import { AreBatchItems, MAX_LISTED_PROBLEMS } from '../item-batch';
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

const EVENT_FIELDS = new Set(['id', 'type', 'occurredAt', 'userId', 'payload', 'traceparent']);
const EVENT_TYPES_KNOWN: ReadonlySet<unknown> = new Set(ALL_EVENT_TYPES);
const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** What is wrong with the events of a delivery, in order: DeliveredEvent's rules, applied by plain functions. */
export function deliveredEventProblems(events: readonly unknown[], limit = MAX_LISTED_PROBLEMS): string[] {
  const problems: string[] = [];
  for (let i = 0; i < events.length && problems.length < limit; i++) {
    const event = events[i];
    const at = `events.${i}`;
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      problems.push(`${at} must be an object with id, type, occurredAt and payload`);
      continue;
    }
    const { id, type, occurredAt, userId, payload, traceparent } = event as Record<string, unknown>;
    for (const key of Object.keys(event)) {
      if (!EVENT_FIELDS.has(key)) problems.push(`property ${at}.${key} should not exist`);
    }
    if (!isUUID(id)) problems.push(`${at}.id must be a UUID`);
    if (!EVENT_TYPES_KNOWN.has(type)) problems.push(`${at}.type must be one of ${ALL_EVENT_TYPES.join(', ')}`);
    if (!isISO8601(occurredAt, { strict: true })) problems.push(`${at}.occurredAt must be a valid ISO 8601 date string`);
    if (userId !== undefined && userId !== null && !isUUID(userId)) problems.push(`${at}.userId must be a UUID`);
    if (!isObject(payload)) problems.push(`${at}.payload must be an object`);
    if (traceparent !== undefined && traceparent !== null && !(typeof traceparent === 'string' && TRACEPARENT.test(traceparent))) {
      problems.push(`${at}.traceparent must be a W3C traceparent`);
    }
  }
  return problems.slice(0, limit);
}

/**
 * A relay's batch. Validate it with InPlaceValidationPipe: the events are
 * plain objects checked by one constraint (nested DTOs cost a tenth of a
 * millisecond an event, which every create paid once more here).
 */
export class DeliverEventsMessage extends RpcMessage {
  @AreBatchItems('areDeliveredEvents', {
    notAList: 'events must be an array',
    sizeProblem: (events) =>
      events.length < 1 || events.length > MAX_EVENTS_PER_DELIVERY ? `events must hold 1 to ${MAX_EVENTS_PER_DELIVERY} entries` : undefined,
    itemProblems: deliveredEventProblems,
  })
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
