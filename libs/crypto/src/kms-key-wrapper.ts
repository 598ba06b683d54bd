import { DecryptCommand, GenerateDataKeyCommand, KMSClient, ReEncryptCommand } from '@aws-sdk/client-kms';
import { DataKey, KeyWrapper } from './key-wrapper';
import { kmsContext, SecretContext } from './secret-context';

const KMS_PREFIX = 'kms:';

/**
 * Data keys from AWS KMS (GenerateDataKey, Decrypt, ReEncrypt), always with
 * the secret's purpose and user id as the EncryptionContext: the key policy
 * can then refuse any call without it, and a wrapped key copied to another
 * user's row does not decrypt. KMS's own yearly rotation needs no re-wrap;
 * `rotate-keys` re-wraps onto KMS_KEY_ID when the key itself is replaced.
 */
export class KmsKeyWrapper implements KeyWrapper {
  readonly currentKekId: string;

  constructor(
    private readonly client: KMSClient,
    private readonly keyId: string,
  ) {
    this.currentKekId = KMS_PREFIX + keyId;
  }

  async newDataKey(context: SecretContext): Promise<DataKey> {
    const answer = await this.client.send(
      new GenerateDataKeyCommand({ KeyId: this.keyId, KeySpec: 'AES_256', EncryptionContext: kmsContext(context) }),
    );
    if (!answer.Plaintext || !answer.CiphertextBlob) throw new Error('KMS GenerateDataKey answered without a key');
    return { plaintext: Buffer.from(answer.Plaintext), wrapped: Buffer.from(answer.CiphertextBlob), kekId: this.currentKekId };
  }

  async unwrap(wrapped: Buffer, kekId: string, context: SecretContext): Promise<Buffer> {
    const answer = await this.client.send(
      new DecryptCommand({ CiphertextBlob: wrapped, KeyId: kmsKeyOf(kekId), EncryptionContext: kmsContext(context) }),
    );
    if (!answer.Plaintext) throw new Error('KMS Decrypt answered without a key');
    return Buffer.from(answer.Plaintext);
  }

  async rewrap(wrapped: Buffer, kekId: string, context: SecretContext): Promise<{ wrapped: Buffer; kekId: string }> {
    const answer = await this.client.send(
      new ReEncryptCommand({
        CiphertextBlob: wrapped,
        SourceKeyId: kmsKeyOf(kekId),
        SourceEncryptionContext: kmsContext(context),
        DestinationKeyId: this.keyId,
        DestinationEncryptionContext: kmsContext(context),
      }),
    );
    if (!answer.CiphertextBlob) throw new Error('KMS ReEncrypt answered without a key');
    return { wrapped: Buffer.from(answer.CiphertextBlob), kekId: this.currentKekId };
  }
}

function kmsKeyOf(kekId: string): string {
  if (!kekId.startsWith(KMS_PREFIX)) throw new Error(`data key was wrapped by ${kekId}, not by KMS; set LOCAL_KEK or the key directory to open it`);
  return kekId.slice(KMS_PREFIX.length);
}
