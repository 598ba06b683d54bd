import { SecretContext } from './secret-context';

/** A fresh 256-bit data key: in plain to encrypt with, wrapped to store. */
export interface DataKey {
  plaintext: Buffer;
  wrapped: Buffer;
  /** Which key-encryption key wrapped it. */
  kekId: string;
}

/**
 * A key-encryption key (KMS, or a local key): it makes data keys and unwraps
 * them, always under the secret's context. Its plain key never leaves it.
 */
export interface KeyWrapper {
  /** The key that wraps new data keys (and re-wrapped ones). */
  readonly currentKekId: string;
  newDataKey(context: SecretContext): Promise<DataKey>;
  unwrap(wrapped: Buffer, kekId: string, context: SecretContext): Promise<Buffer>;
  /** The same data key wrapped under the current KEK. */
  rewrap(wrapped: Buffer, kekId: string, context: SecretContext): Promise<{ wrapped: Buffer; kekId: string }>;
}
