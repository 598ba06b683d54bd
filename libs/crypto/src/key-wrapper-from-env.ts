import { KMSClient } from '@aws-sdk/client-kms';
import { join } from 'node:path';
import { KeyWrapper } from './key-wrapper';
import { KmsKeyWrapper } from './kms-key-wrapper';
import { decodeKek, LocalKeyRing, loadKeyDirectory } from './local-key-ring';

/** The settings that choose the key-encryption key; each app passes its validated env. */
export interface KeySettings {
  /** AWS: the KMS key (id, ARN or alias) that wraps data keys. */
  KMS_KEY_ID?: string;
  /** Embedded/compose: the key itself, base64 of 32 bytes (from a secret or a volume). */
  LOCAL_KEK?: string;
  /** Older LOCAL_KEK values, comma separated, still able to unwrap until rotate-keys has run. */
  LOCAL_KEK_PREVIOUS?: string;
  DATA_DIR: string;
}

/** KMS when KMS_KEY_ID is set, else LOCAL_KEK, else the key ring in DATA_DIR/keys (made on first use). */
export function keyWrapperFromSettings(settings: KeySettings, kms: () => KMSClient = () => new KMSClient({})): KeyWrapper {
  if (settings.KMS_KEY_ID) return new KmsKeyWrapper(kms(), settings.KMS_KEY_ID);
  if (settings.LOCAL_KEK) {
    const older = (settings.LOCAL_KEK_PREVIOUS ?? '')
      .split(',')
      .filter((text) => text.trim() !== '')
      .map((text) => decodeKek(text, 'LOCAL_KEK_PREVIOUS'));
    return new LocalKeyRing(decodeKek(settings.LOCAL_KEK, 'LOCAL_KEK'), older);
  }
  return loadKeyDirectory(keyDirectory(settings.DATA_DIR));
}

export function keyDirectory(dataDir: string): string {
  return join(dataDir, 'keys');
}
