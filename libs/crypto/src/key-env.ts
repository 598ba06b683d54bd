import { CommonEnv } from '@finstack/config';
import { IsOptional, IsString } from 'class-validator';
import { KeySettings } from './key-wrapper-from-env';

/** The settings that choose the key-encryption key, for every app or script that seals or opens secrets. */
export class KeyEnv extends CommonEnv implements KeySettings {
  /** AWS: the KMS key that wraps the data keys of sealed secrets. */
  @IsOptional()
  @IsString()
  KMS_KEY_ID?: string;

  /** Embedded/compose: the key-encryption key itself (base64 of 32 bytes); unset: DATA_DIR/keys. */
  @IsOptional()
  @IsString()
  LOCAL_KEK?: string;

  /** Former LOCAL_KEK values, comma separated, until `npm run rotate-keys` has re-wrapped under the new one. */
  @IsOptional()
  @IsString()
  LOCAL_KEK_PREVIOUS?: string;
}
