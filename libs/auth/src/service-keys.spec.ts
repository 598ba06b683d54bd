import { ConfigError } from '@finstack/config';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServiceKeys } from './service-keys';
import { ServiceTokenSigner, verifyServiceToken } from './service-token';

const pem = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};

describe('service keys and tokens', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'service-keys-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates each app its own pair under DATA_DIR/keys, the private half readable by its owner only', () => {
    const relay = loadServiceKeys({ service: 'relay', dataDir });
    expect(statSync(join(dataDir, 'keys', 'service-relay-private.pem')).mode & 0o777).toBe(0o600);
    // Found again on the next start, not replaced:
    expect(loadServiceKeys({ service: 'relay', dataDir }).privateKey.export({ format: 'jwk' })).toEqual(relay.privateKey.export({ format: 'jwk' }));
  });

  it('verifies a token for its own audience from a known signer, and nothing else', () => {
    const relay = loadServiceKeys({ service: 'relay', dataDir });
    const ledger = loadServiceKeys({ service: 'ledger', dataDir });
    const signer = new ServiceTokenSigner(relay);
    expect(verifyServiceToken(signer.tokenFor('ledger'), ledger)).toBe('relay');
    expect(verifyServiceToken(signer.tokenFor('portfolio'), ledger)).toBeUndefined();
    expect(verifyServiceToken(signer.tokenFor('ledger'), loadServiceKeys({ service: 'ledger', dataDir: join(dataDir, 'elsewhere') }))).toBeUndefined();
  });

  it('takes the keys from the settings, and accepts only the callers they name', () => {
    const caller = pem();
    const stranger = pem();
    const keys = loadServiceKeys({ service: 'ledger', dataDir, production: true, privateKeyPem: pem().privatePem, publicKeysJson: JSON.stringify({ relay: caller.publicPem }) });
    const fromCaller = new ServiceTokenSigner(loadServiceKeys({ service: 'relay', dataDir, privateKeyPem: caller.privatePem, publicKeysJson: '{}' })).tokenFor('ledger');
    const fromStranger = new ServiceTokenSigner(loadServiceKeys({ service: 'intruder', dataDir, privateKeyPem: stranger.privatePem, publicKeysJson: '{}' })).tokenFor('ledger');
    expect(verifyServiceToken(fromCaller, keys)).toBe('relay');
    expect(verifyServiceToken(fromStranger, keys)).toBeUndefined();
  });

  it('requires both settings in production, and names a bad one', () => {
    expect(() => loadServiceKeys({ service: 'ledger', dataDir, production: true })).toThrow(/SERVICE_PRIVATE_KEY[\s\S]*SERVICE_PUBLIC_KEYS/);
    expect(() => loadServiceKeys({ service: 'ledger', dataDir, privateKeyPem: 'nope' })).toThrow(ConfigError);
    expect(() => loadServiceKeys({ service: 'ledger', dataDir, publicKeysJson: '[1]' })).toThrow(/SERVICE_PUBLIC_KEYS/);
    expect(() => loadServiceKeys({ service: 'ledger', dataDir, publicKeysJson: '{"relay":"nope"}' })).toThrow(/"relay"/);
  });
});
