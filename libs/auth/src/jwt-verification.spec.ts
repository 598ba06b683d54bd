import { DomainError } from '@finstack/contracts';
import { ArgumentsHost, Catch, Controller, ExceptionFilter, Get, INestApplication, UseGuards } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import type { Response } from 'express';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { AuthUser } from './auth-user';
import { CurrentUser } from './current-user.decorator';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtVerificationModule } from './jwt-verification.module';
import { JwtVerifier } from './jwt.verifier';
import { keyIdOf } from './verification-keys';

const ISSUER = 'finstack-test';
const USER_ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';

function es256KeyPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
}

const keys = es256KeyPair();
const strangerKeys = es256KeyPair();
/** The key before the last rotation, still accepted; and one rotated out. */
const previousKeys = es256KeyPair();
const retiredKeys = es256KeyPair();

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

const claims = (overrides: object = {}) => ({
  sub: USER_ID,
  email: 'ada@example.com',
  iss: ISSUER,
  aud: 'finstack-api',
  iat: Math.floor(Date.now() / 1000),
  exp: Math.floor(Date.now() / 1000) + 900,
  ...overrides,
});

/** An access token as the gateway signs it: `typ: at+jwt`, naming the current key (or the one given) by kid. */
function es256(payload: object, privateKey = keys.privateKey, header: object = {}, kid = keyIdOf(keys.publicKey)): string {
  return new JwtService().sign(payload, { privateKey, algorithm: 'ES256', keyid: kid, header: { alg: 'ES256', typ: 'at+jwt', ...header } });
}

/** Hand-made, because a careful JWT library refuses to produce these. */
function unsigned(payload: object): string {
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
}

/** The classic key-confusion attack: HS256 with the public key PEM used as the HMAC secret. */
function hs256WithPublicKey(payload: object): string {
  const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
  const signature = createHmac('sha256', keys.publicKey).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

const refusedTokens: Array<[string, () => string]> = [
  ['alg none', () => unsigned(claims())],
  ['HS256 signed with the public key', () => hs256WithPublicKey(claims())],
  ['signed with another key', () => es256(claims(), strangerKeys.privateKey)],
  ['expired', () => es256(claims({ iat: 1_700_000_000, exp: 1_700_000_900 }))],
  ['for another audience', () => es256(claims({ aud: 'someone-else' }))],
  ['from another issuer', () => es256(claims({ iss: 'evil' }))],
  ['without an email claim', () => es256(claims({ email: undefined }))],
  ['not a JWT at all', () => 'garbage'],
  ['that is not an access token (typ JWT)', () => es256(claims(), keys.privateKey, { typ: 'JWT' })],
  ['without a typ', () => es256(claims(), keys.privateKey, { typ: undefined })],
  ['naming no key of the set', () => es256(claims(), keys.privateKey, {}, 'no-such-kid')],
  ['of a key rotated out', () => es256(claims(), retiredKeys.privateKey, {}, keyIdOf(retiredKeys.publicKey))],
  ['naming one key, signed by another of the set', () => es256(claims(), previousKeys.privateKey, {}, keyIdOf(keys.publicKey))],
];

@Controller()
class ProbeController {
  @Get('me')
  @UseGuards(JwtAuthGuard)
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}

/** Stands in for the gateway's HTTP filter: shows which DomainError reached it. */
@Catch(DomainError)
class DomainErrorProbe implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(error.status).json({ code: error.code, message: error.message });
  }
}

describe('access-token verification', () => {
  let app: INestApplication;
  let verifier: JwtVerifier;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      // During a rotation: the current public key, then the previous one.
      imports: [JwtVerificationModule.register({ publicKey: keys.publicKey + previousKeys.publicKey, issuer: ISSUER })],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new DomainErrorProbe());
    await app.init();
    verifier = app.get(JwtVerifier);
  });

  afterAll(() => app.close());

  describe('over HTTP with JwtAuthGuard', () => {
    it('lets a valid ES256 token through and hands the route its user', async () => {
      const response = await request(app.getHttpServer()).get('/me').auth(es256(claims()), { type: 'bearer' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ userId: USER_ID, email: 'ada@example.com' });
    });

    it('answers 401 UNAUTHENTICATED without a token', async () => {
      const response = await request(app.getHttpServer()).get('/me');
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });

    it.each(refusedTokens)('answers 401 UNAUTHENTICATED to a token %s', async (_case, token) => {
      const response = await request(app.getHttpServer()).get('/me').auth(token(), { type: 'bearer' });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });

    it('accepts a token of the previous key during a rotation, picked by its kid', async () => {
      const token = es256(claims(), previousKeys.privateKey, {}, keyIdOf(previousKeys.publicKey));
      const response = await request(app.getHttpServer()).get('/me').auth(token, { type: 'bearer' });
      expect(response.status).toBe(200);
    });

    it('tells the client an expired token has expired, so it knows to refresh', async () => {
      const token = es256(claims({ iat: 1_700_000_000, exp: 1_700_000_900 }));
      const response = await request(app.getHttpServer()).get('/me').auth(token, { type: 'bearer' });
      expect(response.body.message).toMatch(/expired/);
    });
  });

  describe('JwtVerifier, for tokens outside HTTP', () => {
    it('returns the user of a valid token', () => {
      expect(verifier.verify(es256(claims()))).toEqual({ userId: USER_ID, email: 'ada@example.com' });
    });

    it.each(refusedTokens)('refuses a token %s with UNAUTHENTICATED', (_case, token) => {
      expect(() => verifier.verify(token())).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', status: 401 }));
    });
  });
});
