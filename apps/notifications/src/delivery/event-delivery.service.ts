import { DeliveredEvent, EventsAcknowledged, tickerRoom, userRoom } from '@finstack/contracts';
import { linksTo } from '@finstack/tracing';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { TickerHolders } from '../holders/ticker-holders';
import { RecentPushes } from '../replay/recent-pushes';
import { RoomEmitter } from '../sockets/room-emitter';
import { addressOf, EventAddress } from './event-addresses';
import { DeliveredEvents } from './delivered-events';

/**
 * Pushes a relay's batch in order and acknowledges each event only once it
 * has been pushed (or was pushed before: a duplicate is acknowledged without
 * a second push). The first event that cannot be pushed now ends the batch:
 * the acknowledged ids are a prefix, and the relay sends the rest again.
 */
const tracer = trace.getTracer('@finstack/notifications');

@Injectable()
export class EventDeliveryService {
  private readonly logger = new Logger(EventDeliveryService.name);

  constructor(
    private readonly delivered: DeliveredEvents,
    private readonly holders: TickerHolders,
    private readonly emitter: RoomEmitter,
    // Only without Redis (see RecentPushes).
    @Optional() private readonly recent?: RecentPushes,
  ) {}

  async deliver(events: readonly DeliveredEvent[]): Promise<EventsAcknowledged> {
    const addresses = events.map(addressOf); // a bad event refuses the whole batch before anything is pushed
    const claims = await this.delivered.claim(events.map((event) => event.id));
    const acknowledged: string[] = [];
    const pushed: string[] = [];
    let stoppedAt = events.length;
    for (const [index, event] of events.entries()) {
      const claim = claims[index];
      if (claim === 'busy') {
        stoppedAt = index; // another delivery of it is under way; in order, so wait for it
        break;
      }
      if (claim === 'new') {
        try {
          await this.tracedPush(addresses[index], event);
        } catch (error) {
          this.logger.warn(`event ${event.id} (${event.type}) not pushed yet: ${(error as Error).message}`);
          stoppedAt = index;
          break;
        }
        pushed.push(event.id);
      }
      acknowledged.push(event.id);
    }
    await this.delivered.complete(pushed);
    const unclaimed = events.slice(stoppedAt).filter((_, offset) => claims[stoppedAt + offset] === 'new');
    await this.delivered.release(unclaimed.map((event) => event.id));
    return { acknowledged };
  }

  /** The push in a span linked to the trace of the request that wrote the event; subscribers get the event without its trace context. */
  private async tracedPush(address: EventAddress, { traceparent, ...event }: DeliveredEvent): Promise<void> {
    const span = tracer.startSpan(`push ${event.type}`, {
      kind: SpanKind.CONSUMER,
      links: linksTo([traceparent]),
      attributes: { 'messaging.system': 'socket.io', 'messaging.message.id': event.id },
    });
    try {
      await this.push(address, event);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  }

  private async push(address: EventAddress, event: DeliveredEvent): Promise<void> {
    if ('userId' in address) {
      this.emitter.emit([userRoom(address.userId)], event);
      this.recent?.forUser(event, address.userId);
      return;
    }
    const holders = await this.holders.holdersOf(address.ticker);
    this.emitter.emit([tickerRoom(address.ticker), ...holders.map(userRoom)], event);
    this.recent?.forHolders(event, holders);
  }
}
