import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { EVENT_TYPES } from '../events';
import { DeliveredEvent, DeliverEventsMessage, MAX_EVENTS_PER_DELIVERY } from './messages';

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true };
const good = {
  id: '0190a5b2-7c3e-7a11-9b4e-2f1d3c4b5a69',
  type: EVENT_TYPES.transactionCreated,
  occurredAt: '2026-12-08T01:02:03.456Z',
  userId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  payload: { transactionId: 'x' },
};

async function refusal(events: unknown): Promise<string | undefined> {
  const errors = await validate(Object.assign(new DeliverEventsMessage(), { events }), OPTIONS);
  return errors.flatMap((error) => Object.values(error.constraints ?? {})).join('; ') || undefined;
}

/** What the event's own DTO (the nested validation this replaces) says of it. */
async function dtoAccepts(event: object): Promise<boolean> {
  return (await validate(plainToInstance(DeliveredEvent, event), OPTIONS)).length === 0;
}

const BAD: [object | string | null, string][] = [
  [{ ...good, id: 'nope' }, 'events.0.id must be a UUID'],
  [{ ...good, type: 'transaction.exploded' }, 'events.0.type must be one of'],
  [{ ...good, occurredAt: '08/12/2026' }, 'events.0.occurredAt must be a valid ISO 8601 date string'],
  [{ ...good, occurredAt: '2026-02-30T00:00:00Z' }, 'events.0.occurredAt must be a valid ISO 8601 date string'],
  [{ ...good, userId: 42 }, 'events.0.userId must be a UUID'],
  [{ ...good, payload: 'text' }, 'events.0.payload must be an object'],
  [{ ...good, payload: null }, 'events.0.payload must be an object'],
  [{ ...good, traceparent: '00-xyz' }, 'events.0.traceparent must be a W3C traceparent'],
  [{ ...good, extra: true }, 'property events.0.extra should not exist'],
  ['event', 'events.0 must be an object'],
  [null, 'events.0 must be an object'],
];

describe('the events of a delivery', () => {
  it('accepts what a relay sends, with and without user and trace context', async () => {
    const traced = { ...good, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' };
    const { userId: _userId, ...anonymous } = good;
    expect(await refusal([good, traced, anonymous])).toBeUndefined();
    for (const event of [good, traced, anonymous]) expect(await dtoAccepts(event)).toBe(true);
  });

  it.each(BAD)('refuses %j by name, as the event’s DTO does', async (event, expected) => {
    expect(await refusal([good, event])).toContain(expected.replace('events.0', 'events.1'));
    if (typeof event === 'object' && event !== null) expect(await dtoAccepts(event)).toBe(false);
  });

  it(`refuses an empty delivery, one over ${MAX_EVENTS_PER_DELIVERY} events and one that is not a list`, async () => {
    const bounds = `events must hold 1 to ${MAX_EVENTS_PER_DELIVERY} entries`;
    expect(await refusal([])).toBe(bounds);
    expect(await refusal(Array.from({ length: MAX_EVENTS_PER_DELIVERY + 1 }, () => good))).toBe(bounds);
    expect(await refusal(Array.from({ length: MAX_EVENTS_PER_DELIVERY }, () => good))).toBeUndefined();
    expect(await refusal({ 0: good })).toBe('events must be an array');
  });
});
