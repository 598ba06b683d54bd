import { JwtService } from '@nestjs/jwt';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayEnv } from '../gateway-env';
import { AccessTokenIssuer } from './access-token.issuer';
import { loadSigningKeys } from '@finstack/auth';

describe('AccessTokenIssuer', () => {
  let keysDir: string;

  beforeAll(() => {
    keysDir = mkdtempSync(join(tmpdir(), 'finstack-keys-'));
  });

  afterAll(() => rmSync(keysDir, { recursive: true, force: true }));

  it('issues an ES256 token with the key id, for the user, from JWT_ISSUER to finstack-api, for 15 minutes', () => {
    const keys = loadSigningKeys({ dataDir: keysDir });
    const env = Object.assign(new GatewayEnv(), { JWT_ISSUER: 'finstack-test' });
    const token = new AccessTokenIssuer(keys, env).issue({ id: 'user-1', email: 'ada@example.com' }, 'session-1');

    const { header, payload } = new JwtService().decode(token, { complete: true });
    expect(header).toEqual({ alg: 'ES256', typ: 'JWT', kid: keys.kid });
    expect(payload).toMatchObject({ sub: 'user-1', email: 'ada@example.com', iss: 'finstack-test', aud: 'finstack-api' });
    expect(payload.exp - payload.iat).toBe(900);
  });
});
