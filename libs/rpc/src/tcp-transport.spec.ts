import { TcpConnections } from '@finstack/lifecycle';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IsString } from 'class-validator';
import { AddressInfo, connect, Server, Socket } from 'node:net';
import { FRAME_STALL_TIMEOUT_MS } from './tcp-frame';
import { tcpTransport } from './tcp-service';
import { createValidationPipe } from './validation';

const handled: string[] = [];

class EchoTyped {
  @IsString()
  text!: string;
}

@Controller()
class EchoController {
  @MessagePattern('echo')
  echo(data: { text: string }): string {
    handled.push(data.text);
    return data.text;
  }

  @MessagePattern('echo.typed')
  echoTyped(@Payload() data: EchoTyped): string {
    handled.push(data.text);
    return data.text;
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

/** Nest's TCP framing: `<length>#<json>`. */
const frame = (message: object) => {
  const json = JSON.stringify(message);
  return `${json.length}#${json}`;
};

/** A raw caller that keeps its side open after the service's FIN, so it can still send. */
async function rawCaller(port: number): Promise<{ socket: Socket; received: () => string }> {
  const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  let data = '';
  socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, received: () => data };
}

const until = async (condition: () => boolean, ms = 2000) => {
  const began = Date.now();
  while (!condition() && Date.now() - began < ms) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('the services’ TCP transport', () => {
  let app: INestMicroservice;
  let connections: TcpConnections;
  let port: number;

  beforeEach(async () => {
    handled.length = 0;
    app = await NestFactory.createMicroservice(EchoModule, { ...tcpTransport({ host: '127.0.0.1', port: 0 }), logger: false });
    const server = app.unwrap<Server>();
    app.useGlobalPipes(createValidationPipe());
    connections = new TcpConnections(server);
    await app.listen();
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => app.close());

  it('delivers the replies written before shutdown ends a connection, and handles nothing the caller sends after it', async () => {
    const caller = await rawCaller(port);
    caller.socket.write(frame({ pattern: 'echo', data: { text: 'before' }, id: '1' }));
    await until(() => caller.received().includes('"before"'));

    // When the service's FIN arrives, the caller sends one more message before hanging up itself.
    caller.socket.once('end', () => caller.socket.end(frame({ pattern: 'echo', data: { text: 'after' }, id: '2' })));
    const ended = connections.endAll();
    await ended;

    expect(caller.received()).toContain('"response":"before"');
    expect(caller.received()).not.toContain('"after"');
    expect(handled).toEqual(['before']);
  });

  it('ending waits until the caller hangs up, but not past its cap for one that never does', async () => {
    const caller = await rawCaller(port);
    const began = Date.now();
    await connections.endAll(); // this caller never answers the FIN
    const waited = Date.now() - began;
    expect(waited).toBeGreaterThanOrEqual(1900);
    expect(waited).toBeLessThan(3000);
    caller.socket.destroy();
  });

  it(`drops a connection whose message stalls half-way, after ${FRAME_STALL_TIMEOUT_MS} ms`, async () => {
    const caller = await rawCaller(port);
    const began = Date.now();
    const closed = new Promise((resolve) => caller.socket.once('close', resolve));
    caller.socket.on('end', () => caller.socket.end());
    caller.socket.write('100#{"pattern":"echo"');
    await closed;
    const heldMs = Date.now() - began;
    expect(heldMs).toBeGreaterThanOrEqual(FRAME_STALL_TIMEOUT_MS - 100);
    expect(heldMs).toBeLessThan(FRAME_STALL_TIMEOUT_MS + 2000);
    // The service goes on serving others.
    const other = await rawCaller(port);
    other.socket.write(frame({ pattern: 'echo', data: { text: 'next' }, id: '3' }));
    await until(() => other.received().includes('"next"'));
    expect(other.received()).toContain('"response":"next"');
    other.socket.destroy();
  }, 15_000);

  it('refuses a message nested deeper than the API ever sends with VALIDATION_FAILED, and goes on serving', async () => {
    const caller = await rawCaller(port);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const message = `{"pattern":"echo.typed","data":{"text":"deep","extra":${deep}},"id":"4"}`;
    caller.socket.write(`${message.length}#${message}`);
    await until(() => caller.received().includes('"id":"4"'));
    expect(caller.received()).toContain('VALIDATION_FAILED');
    expect(caller.received()).toMatch(/nested more than 32 levels/);
    expect(handled).toEqual([]);

    caller.socket.write(frame({ pattern: 'echo.typed', data: { text: 'shallow' }, id: '5' }));
    await until(() => caller.received().includes('"id":"5"'));
    expect(caller.received()).toContain('"response":"shallow"');
    caller.socket.destroy();
  });
});
