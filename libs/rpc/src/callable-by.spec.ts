import { CommonEnv } from '@finstack/config';
import { ErrorCode } from '@finstack/contracts';
import { loadServiceKeys, SERVICE_TOKEN_ISSUER, ServiceTokenSigner } from '@finstack/auth';
import { findPrivateKeyPem, newEs256PrivateKey, rawTcpCall, signEs256 } from '@finstack/testing';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { sign } from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureCallAuth } from './call-auth';
import { CallableBy, CallerGuard } from './callable-by';
import { AllRpcExceptionsFilter } from './rpc-exception.filter';
import { tcpTransport } from './tcp-service';

@Controller()
class LedgerLikeController {
  @MessagePattern('list.mine')
  listMine(@Payload() data: { userId: string }): string {
    return `rows of ${data.userId}`;
  }

  @MessagePattern('relay.only')
  @CallableBy('service:relay')
  relayOnly(): string {
    return 'relayed';
  }

  @MessagePattern('ping')
  @CallableBy('anyone')
  ping(): string {
    return 'up';
  }
}

@Module({ controllers: [LedgerLikeController] })
class LedgerLikeModule {}

describe('who may call a pattern (CallerGuard)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'callable-by-'));
  let app: INestMicroservice;
  let port: number;
  let userToken: (userId: string, key?: string) => string;

  beforeAll(async () => {
    configureCallAuth('ledger-like', Object.assign(new CommonEnv(), { DATA_DIR: dataDir }));
    const gatewayKey = findPrivateKeyPem(dataDir);
    userToken = (userId, key = gatewayKey) => {
      const nowS = Math.floor(Date.now() / 1000);
      return signEs256({ sub: userId, email: 'a@example.test', iss: 'finstack', aud: 'finstack-api', iat: nowS, exp: nowS + 60 }, key);
    };
    app = await NestFactory.createMicroservice(LedgerLikeModule, { ...tcpTransport({ host: '127.0.0.1', port: 0 }), logger: false });
    app.useGlobalFilters(new AllRpcExceptionsFilter());
    app.useGlobalGuards(new CallerGuard());
    await app.listen();
    port = (app.unwrap<Server>().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const serviceToken = (from: string, to: string) => new ServiceTokenSigner(loadServiceKeys({ service: from, dataDir })).tokenFor(to);

  it("answers a user's own call, with the user taken from the token", async () => {
    const alice = randomUUID();
    expect(await rawTcpCall(port, 'list.mine', { userId: alice }, userToken(alice))).toMatchObject({ response: `rows of ${alice}` });
  });

  it("refuses another user's id sent with no token", async () => {
    expect((await rawTcpCall(port, 'list.mine', { userId: randomUUID() })).err).toMatchObject({ code: ErrorCode.FORBIDDEN });
  });

  it("refuses a payload naming another user than the token's", async () => {
    const reply = await rawTcpCall(port, 'list.mine', { userId: randomUUID() }, userToken(randomUUID()));
    expect(reply.err).toMatchObject({ code: ErrorCode.FORBIDDEN });
  });

  it('refuses a token signed by a key it does not know', async () => {
    const bob = randomUUID();
    expect((await rawTcpCall(port, 'list.mine', { userId: bob }, userToken(bob, newEs256PrivateKey()))).err).toMatchObject({ code: ErrorCode.FORBIDDEN });
  });

  it('refuses a user token on a service-only pattern, and answers the service it names', async () => {
    expect((await rawTcpCall(port, 'relay.only', {}, userToken(randomUUID()))).err).toMatchObject({ code: ErrorCode.FORBIDDEN });
    expect(await rawTcpCall(port, 'relay.only', {}, serviceToken('relay', 'ledger-like'))).toMatchObject({ response: 'relayed' });
  });

  it('refuses a service token for another audience, from a service not declared, or expired', async () => {
    expect((await rawTcpCall(port, 'relay.only', {}, serviceToken('relay', 'portfolio'))).err).toMatchObject({ code: ErrorCode.FORBIDDEN });
    expect((await rawTcpCall(port, 'relay.only', {}, serviceToken('intruder', 'ledger-like'))).err).toMatchObject({ code: ErrorCode.FORBIDDEN });
    const keys = loadServiceKeys({ service: 'relay', dataDir });
    const expired = sign({}, keys.privateKey, {
      algorithm: 'ES256', issuer: SERVICE_TOKEN_ISSUER, subject: 'relay', audience: 'ledger-like', expiresIn: -10,
    });
    expect((await rawTcpCall(port, 'relay.only', {}, expired)).err).toMatchObject({ code: ErrorCode.FORBIDDEN });
  });

  it('refuses a service token passed off as a user token on a user pattern', async () => {
    const reply = await rawTcpCall(port, 'list.mine', { userId: randomUUID() }, serviceToken('relay', 'ledger-like'));
    expect(reply.err).toMatchObject({ code: ErrorCode.FORBIDDEN });
  });

  it('answers a pattern callable by anyone without a token', async () => {
    expect(await rawTcpCall(port, 'ping', {})).toMatchObject({ response: 'up' });
  });

  it('keeps each service key private to its owner (0600)', () => {
    expect(statSync(join(dataDir, 'keys', 'service-relay-private.pem')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'keys')).mode & 0o777).toBe(0o700);
  });
});
