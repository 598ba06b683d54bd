import { DeliveredEvent, DomainEvent, EVENT_TYPES } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { appendEvents, domainEvent, OutboxRelay, outboxTable, outboxTraceparentColumn } from '@finstack/outbox';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TickerHolders } from '../holders/ticker-holders';
import { RoomEmitter } from '../sockets/room-emitter';
import { EventDeliveryService } from './event-delivery.service';
import { MemoryDeliveredEvents } from './memory-delivered-events';

/*
 * The outbox → relay → push chain, traced with the in-memory exporter: an
 * event written during a request is relayed and pushed in spans of their own
 * traces, each linked to the request's span, so an operator following a slow
 * push finds the request that caused it (and the other way round).
 */
describe('span links from the relay and the push to the request that wrote the event', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = trace.getTracer('test');
  const TABLE = 'ledger_outbox';
  const USER = '0190d5c4-0000-7000-8000-000000000001';
  let dir: string;
  let dataSource: DataSource;
  let runner: TransactionRunner;
  let emitted: DomainEvent[];
  let relay: OutboxRelay;

  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  beforeEach(async () => {
    exporter.reset();
    dir = mkdtempSync(join(tmpdir(), 'trace-links-'));
    dataSource = await new DataSource({ type: 'better-sqlite3', database: join(dir, 'db.sqlite') }).initialize();
    const queryRunner = dataSource.createQueryRunner();
    await queryRunner.createTable(outboxTable(queryRunner, TABLE));
    await queryRunner.addColumn(TABLE, outboxTraceparentColumn());
    await queryRunner.release();
    runner = new TransactionRunner(dataSource);
    emitted = [];
    const emitter = { emit: (_rooms: readonly string[], event: DomainEvent) => emitted.push(event) } as unknown as RoomEmitter;
    const delivery = new EventDeliveryService(new MemoryDeliveredEvents(), {} as TickerHolders, emitter);
    relay = new OutboxRelay({
      table: TABLE,
      run: (work) => runner.run(work),
      // As over TCP: the events go through JSON, and the consumer's work runs in the relay's context.
      send: (events) => delivery.deliver(JSON.parse(JSON.stringify(events)) as DeliveredEvent[]).then((reply) => reply.acknowledged),
    });
  });
  afterEach(async () => {
    await relay.stop();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const created = () => domainEvent(EVENT_TYPES.transactionCreated, { transactionId: 'x' }, { userId: USER });
  const spanNamed = (name: string): ReadableSpan => {
    const span = exporter.getFinishedSpans().find((candidate) => candidate.name === name);
    if (!span) throw new Error(`no span ${name} among ${exporter.getFinishedSpans().map((candidate) => candidate.name).join(', ')}`);
    return span;
  };

  it('links the relay and the push to the request span, each in a trace of its own, and pushes no trace context to subscribers', async () => {
    const request = tracer.startSpan('POST /transactions', { kind: SpanKind.SERVER });
    await context.with(trace.setSpan(context.active(), request), () => runner.run((executor) => appendEvents(executor, TABLE, [created()])));
    request.end();

    expect(await relay.drain()).toBe(1);

    const requestContext = request.spanContext();
    const relaySpan = spanNamed(`outbox.relay ${TABLE}`);
    const pushSpan = spanNamed(`push ${EVENT_TYPES.transactionCreated}`);
    for (const span of [relaySpan, pushSpan]) {
      expect(span.links.map((link) => [link.context.traceId, link.context.spanId])).toEqual([[requestContext.traceId, requestContext.spanId]]);
      expect(span.spanContext().traceId).not.toBe(requestContext.traceId);
    }
    // The push happened inside the relay's send: one trace from relay to push.
    expect(pushSpan.spanContext().traceId).toBe(relaySpan.spanContext().traceId);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).not.toHaveProperty('traceparent');
    expect(emitted[0].userId).toBe(USER);
  });

  it('links a batch to each request once, and an event written outside any request to nothing', async () => {
    const first = tracer.startSpan('POST /a');
    const second = tracer.startSpan('POST /b');
    await context.with(trace.setSpan(context.active(), first), () => runner.run((executor) => appendEvents(executor, TABLE, [created(), created()])));
    await context.with(trace.setSpan(context.active(), second), () => runner.run((executor) => appendEvents(executor, TABLE, [created()])));
    await runner.run((executor) => appendEvents(executor, TABLE, [created()]));
    first.end();
    second.end();

    expect(await relay.drain()).toBe(4);

    const linked = spanNamed(`outbox.relay ${TABLE}`).links.map((link) => link.context.spanId);
    expect(linked).toEqual([first.spanContext().spanId, second.spanContext().spanId]);
    const pushes = exporter.getFinishedSpans().filter((span) => span.name.startsWith('push '));
    expect(pushes.map((span) => span.links.length)).toEqual([1, 1, 1, 0]);
    const stored = await dataSource.query<Array<{ traceparent: string | null }>>(`SELECT traceparent FROM ${TABLE} ORDER BY id`);
    expect(stored[3].traceparent).toBeNull();
    expect(stored[0].traceparent).toBe(`00-${first.spanContext().traceId}-${first.spanContext().spanId}-01`);
  });
});
