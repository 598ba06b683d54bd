import { createHash, createPublicKey, KeyObject } from 'node:crypto';
import { decode } from 'jsonwebtoken';
import { ACCESS_TOKEN_TYPE } from './access-token.constants';
import { unauthenticated } from './unauthenticated';

const PUBLIC_KEY_PEM = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g;

/**
 * The public keys access tokens may be signed with, by key id: the current one
 * and, during a rotation, the previous one. A token names its key in its
 * header (`kid`); a token naming no key of the set proves nothing.
 */
export class VerificationKeys {
  private readonly byKid: ReadonlyMap<string, KeyObject>;

  constructor(keys: KeyObject[]) {
    this.byKid = new Map(keys.map((key) => [keyIdOf(key), key]));
  }

  /** One PEM public key, or several one after another (JWT_PUBLIC_KEY during a rotation). */
  static fromPem(bundle: string): VerificationKeys {
    const pems = bundle.replace(/\\n/g, '\n').match(PUBLIC_KEY_PEM) ?? [];
    if (pems.length === 0) throw new Error('no PEM public key found');
    return new VerificationKeys(pems.map((pem) => createPublicKey(pem)));
  }

  get kids(): string[] {
    return [...this.byKid.keys()];
  }

  entries(): [string, KeyObject][] {
    return [...this.byKid.entries()];
  }

  /**
   * The key a presented access token must verify under. Refused before any
   * signature work: a token that is not an access token (`typ` other than
   * at+jwt, so an ID or service token cannot stand in for one) or that names
   * no key of the set.
   */
  keyFor(token: string): KeyObject {
    const header = decode(token, { complete: true })?.header;
    if (!header || header.typ !== ACCESS_TOKEN_TYPE) throw unauthenticated('typ');
    const key = header.kid === undefined ? undefined : this.byKid.get(header.kid);
    if (!key) throw unauthenticated('kid');
    return key;
  }
}

/** Short hash of a public key (SPKI DER), the `kid` a token names it by. */
export function keyIdOf(key: KeyObject | string): string {
  const publicKey = typeof key !== 'string' && key.type === 'public' ? key : createPublicKey(key);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64url').slice(0, 16);
}

/** A public key as a JSON Web Key (RFC 7517), as /.well-known/jwks.json lists it. */
export interface PublicJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  kid: string;
  use: 'sig';
  alg: 'ES256';
}

/** The key set as JWKS, current key first. */
export function jwksOf(keys: VerificationKeys): { keys: PublicJwk[] } {
  return {
    keys: keys.entries().map(([kid, key]) => {
      const { kty, crv, x, y } = key.export({ format: 'jwk' });
      return { kty: kty!, crv: crv!, x: x!, y: y!, kid, use: 'sig', alg: 'ES256' };
    }),
  };
}
