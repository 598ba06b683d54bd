import { keyIdOf } from '@finstack/auth';
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * Signs an access token by hand, so tests can forge tokens the gateway must
 * refuse. It names its own key by kid unless told another, and says at+jwt.
 */
export function signEs256(claims: Record<string, unknown>, privateKeyPem: string, kid = keyIdOf(createPrivateKey(privateKeyPem))): string {
  const header = base64url(JSON.stringify({ alg: 'ES256', typ: 'at+jwt', kid }));
  const body = base64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${body}`), {
    key: createPrivateKey(privateKeyPem),
    dsaEncoding: 'ieee-p1363',
  });
  return `${header}.${body}.${base64url(signature)}`;
}

/** A token with `alg: none` and no signature. */
export function unsignedToken(claims: Record<string, unknown>): string {
  return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}.`;
}

export function newEs256PrivateKey(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The private key the gateway generated under DATA_DIR in embedded mode. */
export function findPrivateKeyPem(dataDir: string): string {
  const folder = join(dataDir, 'keys');
  // The gateway's pair only: the services keep their own (service-*.pem) in the same folder.
  for (const file of readdirSync(folder).filter((name) => name.startsWith('jwt-'))) {
    const text = readFileSync(join(folder, file), 'utf8');
    if (text.includes('PRIVATE KEY')) return text;
  }
  throw new Error(`no private key under ${folder}`);
}

export function decodeJwtPart(token: string, part: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[part], 'base64url').toString('utf8')) as Record<string, unknown>;
}
