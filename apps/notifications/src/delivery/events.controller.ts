import { DeliverEventsMessage, EventsAcknowledged, NOTIFICATIONS } from '@finstack/contracts';
import { AllRpcExceptionsFilter, CallableBy, createValidationPipe, InPlaceValidationPipe } from '@finstack/rpc';
import { Controller, UseFilters, UsePipes } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EventDeliveryService } from './event-delivery.service';

/** Events in, over TCP, from every producer's outbox relay. (Filter and pipe here: the app's global ones serve HTTP.) */
@Controller()
@UseFilters(AllRpcExceptionsFilter)
@UsePipes(createValidationPipe())
export class EventsController {
  constructor(private readonly delivery: EventDeliveryService) {}

  @MessagePattern(NOTIFICATIONS.deliver)
  @CallableBy('service:gateway', 'service:trx-crud', 'service:portfolio', 'service:var')
  deliver(@Payload(new InPlaceValidationPipe(DeliverEventsMessage)) message: Pick<DeliverEventsMessage, 'events'>): Promise<EventsAcknowledged> {
    return this.delivery.deliver(message.events);
  }
}
