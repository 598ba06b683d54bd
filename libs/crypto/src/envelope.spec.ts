import { randomBytes } from 'node:crypto';
import { Envelope, SecretUnreadableError } from './envelope';
import { LocalKeyRing } from './local-key-ring';

const alice = { purpose: 'market-data.connection', userId: '0190f2a4-0000-7000-8000-000000000001' };
const bob = { purpose: 'market-data.connection', userId: '0190f2a4-0000-7000-8000-000000000002' };

describe('Envelope with a local key', () => {
  const keys = new LocalKeyRing(randomBytes(32));
  const envelope = new Envelope(keys);

  it('opens what it sealed, and the sealed text does not contain the secret', async () => {
    const sealed = await envelope.seal('sk_live_0123456789abcdef', alice);
    expect(sealed).not.toContain('sk_live');
    expect(sealed).not.toContain(Buffer.from('sk_live_0123456789abcdef').toString('base64'));
    await expect(envelope.openText(sealed, alice)).resolves.toBe('sk_live_0123456789abcdef');
  });

  it('seals the same secret differently each time (a data key and an IV per record)', async () => {
    expect(await envelope.seal('same', alice)).not.toBe(await envelope.seal('same', alice));
  });

  it("refuses to open a value under another user's context", async () => {
    const sealed = await envelope.seal('secret', alice);
    await expect(envelope.open(sealed, bob)).rejects.toBeInstanceOf(SecretUnreadableError);
  });

  it('refuses to open a value under another purpose', async () => {
    const sealed = await envelope.seal('secret', alice);
    await expect(envelope.open(sealed, { ...alice, purpose: 'identity.totp' })).rejects.toBeInstanceOf(SecretUnreadableError);
  });

  it('refuses a tampered payload', async () => {
    const sealed = await envelope.seal('secret', alice);
    const parts = sealed.split('.');
    const payload = Buffer.from(parts[3]!, 'base64url');
    payload[14] ^= 1;
    parts[3] = payload.toString('base64url');
    await expect(envelope.open(parts.join('.'), alice)).rejects.toBeInstanceOf(SecretUnreadableError);
  });

  it('refuses a value sealed under a key it does not have', async () => {
    const other = new Envelope(new LocalKeyRing(randomBytes(32)));
    await expect(envelope.open(await other.seal('secret', alice), alice)).rejects.toThrow(/no local key-encryption key/);
  });

  it('re-wraps under a new current key, which opens it with the old key gone', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = new Envelope(new LocalKeyRing(oldKey));
    const sealed = await before.seal('secret', alice);
    const during = new Envelope(new LocalKeyRing(newKey, [oldKey]));
    expect(during.needsRewrap(sealed)).toBe(true);
    const rewrapped = await during.rewrap(sealed, alice);
    expect(during.needsRewrap(rewrapped)).toBe(false);
    // The payload stays: only the data key's wrapping changed.
    expect(rewrapped.split('.')[3]).toBe(sealed.split('.')[3]);
    const after = new Envelope(new LocalKeyRing(newKey));
    await expect(after.openText(rewrapped, alice)).resolves.toBe('secret');
    await expect(after.open(sealed, alice)).rejects.toBeInstanceOf(SecretUnreadableError);
  });

  it('refuses a context that is not plain text', async () => {
    await expect(envelope.seal('x', { purpose: 'Bad Purpose', userId: 'u' })).rejects.toThrow(/purpose/);
    await expect(envelope.seal('x', { purpose: 'p', userId: 'a=b\nc' })).rejects.toThrow(/userId/);
  });
});
