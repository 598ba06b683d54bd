import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_TYPE, JwtAuthGuard, JwtVerificationModule, keyIdOf } from '@finstack/auth';
import { loadEnv } from '@finstack/config';
import { Controller, HttpCode, INestApplication, Post, UseGuards } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { GatewayEnv } from '../gateway-env';
import { HttpExceptionFilter } from '../http/http-exception.filter';
import { QuoteIngestGuard } from './quote-ingest.guard';

const ISSUER = 'finstack-test';
const INGEST_KEY = 'k'.repeat(24) + '-feed-key-0123456789';
const es256Keys = () =>
  generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
const keys = es256Keys();

const tokenFor = (email: string, privateKey = keys.privateKey) =>
  new JwtService().sign(
    { email, iss: ISSUER, aud: ACCESS_TOKEN_AUDIENCE },
    {
      privateKey,
      algorithm: 'ES256',
      keyid: keyIdOf(keys.publicKey),
      header: { alg: 'ES256', typ: ACCESS_TOKEN_TYPE },
      subject: '0190f5c2-7a3b-7c4d-8e5f-0123456789ab',
      expiresIn: 900,
    },
  );

@Controller()
class IngestProbe {
  @Post('quotes')
  @HttpCode(200)
  @UseGuards(QuoteIngestGuard)
  ingest(): { ok: true } {
    return { ok: true };
  }
}

async function appWith(env: Record<string, string>): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [JwtVerificationModule.register({ publicKey: keys.publicKey, issuer: ISSUER })],
    controllers: [IngestProbe],
    providers: [{ provide: GatewayEnv, useValue: loadEnv(GatewayEnv, env) }, JwtAuthGuard, QuoteIngestGuard],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.useGlobalFilters(new HttpExceptionFilter());
  await app.init();
  return app;
}

describe('who may post quotes', () => {
  let app: INestApplication;
  const post = (headers: Record<string, string>) => request(app.getHttpServer()).post('/quotes').set(headers);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    app = await appWith({ OPERATOR_EMAILS: 'Ops@Example.com, second@example.com', QUOTES_INGEST_API_KEY: INGEST_KEY });
  });
  afterAll(() => app.close());

  it('lets a feed in with the ingest key', async () => {
    expect((await post({ 'x-api-key': INGEST_KEY })).status).toBe(200);
  });

  it('lets an operator in by the email of their token, whatever its case', async () => {
    expect((await post(bearer(tokenFor('ops@example.com')))).status).toBe(200);
    expect((await post(bearer(tokenFor('SECOND@example.COM')))).status).toBe(200);
  });

  it('refuses a valid user who is not an operator with 403', async () => {
    const response = await post(bearer(tokenFor('someone@example.com')));
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'FORBIDDEN', message: 'only an operator or the ingest API key may post quotes' });
  });

  it('refuses a wrong key, or a key of another length, with 403', async () => {
    for (const key of [INGEST_KEY.slice(0, -1) + 'X', INGEST_KEY + 'X', 'short', '']) {
      const response = await post({ 'x-api-key': key });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'FORBIDDEN', message: 'X-Api-Key is not the quote ingest key' });
    }
  });

  it('lets the token decide when a wrong key comes with one', async () => {
    expect((await post({ 'x-api-key': 'wrong', ...bearer(tokenFor('ops@example.com')) })).status).toBe(200);
    expect((await post({ 'x-api-key': 'wrong', ...bearer(tokenFor('someone@example.com')) })).status).toBe(403);
  });

  it('answers 401 without credentials or with a bad token', async () => {
    const strangerKey = es256Keys().privateKey;
    for (const headers of [{}, bearer('garbage'), bearer(tokenFor('ops@example.com', strangerKey))]) {
      const response = await post(headers);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('accepts no key at all when none is configured, and no one as operator by default', async () => {
    const closed = await appWith({});
    try {
      const byKey = await request(closed.getHttpServer()).post('/quotes').set('x-api-key', INGEST_KEY);
      expect(byKey.status).toBe(403);
      const byToken = await request(closed.getHttpServer()).post('/quotes').set(bearer(tokenFor('ops@example.com')));
      expect(byToken.status).toBe(403);
    } finally {
      await closed.close();
    }
  });
});
