import { DecryptCommand, GenerateDataKeyCommand, KMSClient, ReEncryptCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { randomBytes } from 'node:crypto';
import { Envelope, SecretUnreadableError } from './envelope';
import { KmsKeyWrapper } from './kms-key-wrapper';

/*
 * KMS doubled with aws-sdk-client-mock, behaving as KMS documents: a data key
 * decrypts only with the EncryptionContext it was generated with (AWS KMS
 * Developer Guide, "Encryption context": a Decrypt with a different context
 * fails with InvalidCiphertextException).
 */
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function fakeKms() {
  const kms = mockClient(KMSClient);
  const issued = new Map<string, { plaintext: Buffer; context: string }>();
  kms.on(GenerateDataKeyCommand).callsFake((input: { EncryptionContext?: Record<string, string> }) => {
    const plaintext = randomBytes(32);
    const blob = randomBytes(48);
    issued.set(blob.toString('hex'), { plaintext, context: JSON.stringify(input.EncryptionContext ?? {}) });
    return { Plaintext: new Uint8Array(plaintext), CiphertextBlob: new Uint8Array(blob), KeyId: KEY };
  });
  kms.on(DecryptCommand).callsFake((input: { CiphertextBlob: Uint8Array; EncryptionContext?: Record<string, string> }) => {
    const found = issued.get(Buffer.from(input.CiphertextBlob).toString('hex'));
    if (!found || found.context !== JSON.stringify(input.EncryptionContext ?? {})) {
      throw Object.assign(new Error('InvalidCiphertextException'), { name: 'InvalidCiphertextException' });
    }
    return { Plaintext: new Uint8Array(found.plaintext), KeyId: KEY };
  });
  return kms;
}

describe('KmsKeyWrapper', () => {
  const alice = { purpose: 'market-data.connection', userId: 'user-a' };

  it('asks KMS for an AES_256 data key under the purpose and user id, and decrypts with the same context', async () => {
    const kms = fakeKms();
    const envelope = new Envelope(new KmsKeyWrapper(new KMSClient({ region: 'eu-west-1' }), KEY));
    const sealed = await envelope.seal('api-key-1234', alice);
    await expect(envelope.openText(sealed, alice)).resolves.toBe('api-key-1234');

    const generate = kms.commandCalls(GenerateDataKeyCommand);
    expect(generate).toHaveLength(1);
    expect(generate[0]!.args[0].input).toEqual({ KeyId: KEY, KeySpec: 'AES_256', EncryptionContext: { purpose: 'market-data.connection', userId: 'user-a' } });
    const decrypt = kms.commandCalls(DecryptCommand);
    expect(decrypt[0]!.args[0].input).toMatchObject({ KeyId: KEY, EncryptionContext: { purpose: 'market-data.connection', userId: 'user-a' } });
    kms.restore();
  });

  it("does not open a value under another user's context", async () => {
    const kms = fakeKms();
    const envelope = new Envelope(new KmsKeyWrapper(new KMSClient({ region: 'eu-west-1' }), KEY));
    const sealed = await envelope.seal('api-key-1234', alice);
    await expect(envelope.open(sealed, { ...alice, userId: 'user-b' })).rejects.toBeInstanceOf(SecretUnreadableError);
    expect(kms.commandCalls(DecryptCommand)[0]!.args[0].input.EncryptionContext).toEqual({ purpose: 'market-data.connection', userId: 'user-b' });
    kms.restore();
  });

  it('re-wraps a value of another KMS key with ReEncrypt, keeping the context on both sides', async () => {
    const kms = mockClient(KMSClient);
    kms.on(ReEncryptCommand).resolves({ CiphertextBlob: new Uint8Array([9, 9, 9]), KeyId: KEY });
    const oldKey = 'arn:aws:kms:eu-west-1:111122223333:key/old';
    const before = new Envelope(new KmsKeyWrapper(new KMSClient({ region: 'eu-west-1' }), oldKey));
    kms.on(GenerateDataKeyCommand).resolves({ Plaintext: new Uint8Array(randomBytes(32)), CiphertextBlob: new Uint8Array([1, 2, 3]) });
    const sealed = await before.seal('s', alice);
    const after = new Envelope(new KmsKeyWrapper(new KMSClient({ region: 'eu-west-1' }), KEY));
    expect(after.needsRewrap(sealed)).toBe(true);
    const rewrapped = await after.rewrap(sealed, alice);
    expect(after.needsRewrap(rewrapped)).toBe(false);
    expect(kms.commandCalls(ReEncryptCommand)[0]!.args[0].input).toEqual({
      CiphertextBlob: Buffer.from([1, 2, 3]),
      SourceKeyId: oldKey,
      SourceEncryptionContext: { purpose: 'market-data.connection', userId: 'user-a' },
      DestinationKeyId: KEY,
      DestinationEncryptionContext: { purpose: 'market-data.connection', userId: 'user-a' },
    });
    kms.restore();
  });
});

