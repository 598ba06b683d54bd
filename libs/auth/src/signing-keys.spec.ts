import { ConfigError } from '@finstack/config';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { JwtVerifier } from './jwt.verifier';
import { loadSigningKeys, loadVerificationKey, rotateSigningKeyFiles, SigningKeys } from './signing-keys';

function pemPair(curve: string) {
  return generateKeyPairSync('ec', {
    namedCurve: curve,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
}

function problemsOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadSigningKeys', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'finstack-keys-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  describe('with no keys configured (embedded mode)', () => {
    it('creates a P-256 pair under DATA_DIR/keys, the private key readable by its owner only', () => {
      const keys = loadSigningKeys({ dataDir });
      expect(readdirSync(join(dataDir, 'keys')).sort()).toEqual(['jwt-es256-private.pem', 'jwt-es256-public.pem']);
      expect(statSync(join(dataDir, 'keys', 'jwt-es256-private.pem')).mode & 0o777).toBe(0o600);
      expect(keys.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
      expect(keys.kid).toMatch(/^[A-Za-z0-9_-]{16}$/);
    });

    it('makes the keys folder 0700 and the private key 0600 when they already existed with looser modes', () => {
      loadSigningKeys({ dataDir });
      chmodSync(join(dataDir, 'keys'), 0o755);
      chmodSync(join(dataDir, 'keys', 'jwt-es256-private.pem'), 0o644);
      loadSigningKeys({ dataDir });
      expect((statSync(join(dataDir, 'keys')).mode & 0o777).toString(8)).toBe('700');
      expect((statSync(join(dataDir, 'keys', 'jwt-es256-private.pem')).mode & 0o777).toString(8)).toBe('600');
    });

    it('reuses the same pair on the next start, so issued tokens stay valid', () => {
      const first = loadSigningKeys({ dataDir });
      const second = loadSigningKeys({ dataDir });
      expect(second).toEqual(first);
    });

    it('refuses to start when the public key file does not belong to the private key', () => {
      loadSigningKeys({ dataDir });
      const other = join(dataDir, 'other');
      loadSigningKeys({ dataDir: other });
      rmSync(join(dataDir, 'keys', 'jwt-es256-public.pem'));
      renameSync(join(other, 'keys', 'jwt-es256-public.pem'), join(dataDir, 'keys', 'jwt-es256-public.pem'));
      expect(problemsOf(() => loadSigningKeys({ dataDir }))).toMatch(/is not the public half/);
    });
  });

  it('refuses to generate keys in production, where every replica must sign with the same pair', () => {
    expect(problemsOf(() => loadSigningKeys({ dataDir, production: true }))).toMatch(/required when NODE_ENV=production/);
    expect(existsSync(join(dataDir, 'keys'))).toBe(false);
  });

  describe('with keys configured', () => {
    it('uses them and writes nothing to disk', () => {
      const pair = pemPair('P-256');
      const keys = loadSigningKeys({ privateKeyPem: pair.privateKey, publicKeyPem: pair.publicKey, dataDir });
      expect(keys.publicKeyPem).toBe(pair.publicKey);
      expect(existsSync(join(dataDir, 'keys'))).toBe(false);
    });

    it('accepts PEMs written on one line with literal \\n, as env files carry them', () => {
      const pair = pemPair('P-256');
      const oneLine = (pem: string) => pem.replace(/\n/g, '\\n');
      const keys = loadSigningKeys({ privateKeyPem: oneLine(pair.privateKey), publicKeyPem: oneLine(pair.publicKey), dataDir });
      expect(keys.publicKeyPem).toBe(pair.publicKey);
    });

    it('gives the same kid for the same public key, and another for another key', () => {
      const pair = pemPair('P-256');
      const load = (p: typeof pair) => loadSigningKeys({ privateKeyPem: p.privateKey, publicKeyPem: p.publicKey, dataDir });
      expect(load(pair).kid).toBe(load(pair).kid);
      expect(load(pemPair('P-256')).kid).not.toBe(load(pair).kid);
    });

    it('refuses to start with only one of the two', () => {
      const pair = pemPair('P-256');
      expect(problemsOf(() => loadSigningKeys({ privateKeyPem: pair.privateKey, dataDir }))).toMatch(
        /JWT_PRIVATE_KEY, JWT_PUBLIC_KEY: set both or neither/,
      );
      expect(problemsOf(() => loadSigningKeys({ publicKeyPem: pair.publicKey, dataDir }))).toMatch(/set both or neither/);
    });

    it('refuses to start when the public key is not the half of the private key', () => {
      const sources = { privateKeyPem: pemPair('P-256').privateKey, publicKeyPem: pemPair('P-256').publicKey, dataDir };
      expect(problemsOf(() => loadSigningKeys(sources))).toMatch(/JWT_PUBLIC_KEY: is not the public half of JWT_PRIVATE_KEY/);
    });

    it('refuses a key on another curve, which ES256 cannot use', () => {
      const pair = pemPair('P-384');
      const sources = { privateKeyPem: pair.privateKey, publicKeyPem: pair.publicKey, dataDir };
      expect(problemsOf(() => loadSigningKeys(sources))).toMatch(/JWT_PRIVATE_KEY: must be an EC P-256 key/);
    });
  });

  describe('loadVerificationKey, for apps that only verify', () => {
    it('finds the public half of the pair the gateway keeps under DATA_DIR, whichever app starts first', () => {
      const first = loadVerificationKey({ dataDir });
      expect(loadSigningKeys({ dataDir }).publicKeyPem).toBe(first);
      expect(loadVerificationKey({ dataDir })).toBe(first);
    });

    it('takes JWT_PUBLIC_KEY when set, and refuses one that is not a key', () => {
      const { publicKey } = pemPair('prime256v1');
      expect(loadVerificationKey({ dataDir, publicKeyPem: publicKey.replace(/\n/g, '\\n') })).toBe(publicKey);
      expect(() => loadVerificationKey({ dataDir, publicKeyPem: 'nope' })).toThrow(ConfigError);
    });

    it('requires JWT_PUBLIC_KEY in production', () => {
      expect(() => loadVerificationKey({ dataDir, production: true })).toThrow(/JWT_PUBLIC_KEY: required/);
    });
  });
});

describe('rotating the embedded signing key (npm run rotate-jwt-key)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'finstack-rotate-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const tokenOf = (keys: SigningKeys) =>
    new JwtService().sign(
      { sub: '0190f5c2-7a3b-7c4d-8e5f-0123456789ab', email: 'ada@example.com' },
      { privateKey: keys.privateKeyPem, algorithm: 'ES256', keyid: keys.kid, header: { alg: 'ES256', typ: 'at+jwt' }, issuer: 'finstack', audience: 'finstack-api', expiresIn: 900 },
    );
  /** A verifier as an app builds it at start, from the key files. */
  const verifierNow = () => new JwtVerifier({ publicKey: loadVerificationKey({ dataDir }), issuer: 'finstack' });

  it('signs with a new key while tokens of the one before keep working until a second rotation', () => {
    const first = loadSigningKeys({ dataDir });
    const firstToken = tokenOf(first);

    const rotated = rotateSigningKeyFiles(dataDir);
    const second = loadSigningKeys({ dataDir });
    expect(rotated).toEqual({ kid: second.kid, previousKid: first.kid });
    expect(second.kid).not.toBe(first.kid);
    expect(verifierNow().verify(firstToken).userId).toBe('0190f5c2-7a3b-7c4d-8e5f-0123456789ab');
    expect(verifierNow().verify(tokenOf(second)).email).toBe('ada@example.com');

    rotateSigningKeyFiles(dataDir);
    expect(() => verifierNow().verify(firstToken)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(verifierNow().verify(tokenOf(second)).email).toBe('ada@example.com');
    expect(statSync(join(dataDir, 'keys', 'jwt-es256-private.pem')).mode & 0o777).toBe(0o600);
  });
});
