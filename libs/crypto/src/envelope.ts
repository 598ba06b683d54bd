import { gcmDecrypt, gcmEncrypt } from './aes-gcm';
import { KeyWrapper } from './key-wrapper';
import { checkContext, contextBytes, SecretContext } from './secret-context';

const VERSION = 'v1';

/** A sealed value's parts; stored as one ASCII string (`v1.<kek id>.<wrapped key>.<payload>`, base64url). */
interface SealedParts {
  kekId: string;
  wrapped: Buffer;
  payload: Buffer;
}

/** Thrown when a sealed value cannot be opened (wrong context, wrong key, tampered): never says more. */
export class SecretUnreadableError extends Error {
  constructor(reason: string) {
    super(`sealed secret cannot be opened: ${reason}`);
    this.name = 'SecretUnreadableError';
  }
}

/**
 * Envelope encryption: each secret is encrypted with AES-256-GCM under its
 * own data key, and the data key is stored wrapped by a key-encryption key
 * (KMS or local). Both layers are bound to the secret's context, so a value
 * copied onto another user's row does not open.
 */
export class Envelope {
  constructor(private readonly keys: KeyWrapper) {}

  async seal(secret: string | Buffer, context: SecretContext): Promise<string> {
    checkContext(context);
    const dataKey = await this.keys.newDataKey(context);
    try {
      const payload = gcmEncrypt(dataKey.plaintext, Buffer.isBuffer(secret) ? secret : Buffer.from(secret, 'utf8'), contextBytes(context));
      return format({ kekId: dataKey.kekId, wrapped: dataKey.wrapped, payload });
    } finally {
      dataKey.plaintext.fill(0);
    }
  }

  async open(sealed: string, context: SecretContext): Promise<Buffer> {
    checkContext(context);
    const parts = parse(sealed);
    let dataKey: Buffer;
    try {
      dataKey = await this.keys.unwrap(parts.wrapped, parts.kekId, context);
    } catch (error) {
      throw new SecretUnreadableError(error instanceof Error ? error.message : 'the data key does not unwrap');
    }
    try {
      return gcmDecrypt(dataKey, parts.payload, contextBytes(context));
    } catch {
      throw new SecretUnreadableError('the payload does not authenticate under this context');
    } finally {
      dataKey.fill(0);
    }
  }

  async openText(sealed: string, context: SecretContext): Promise<string> {
    return (await this.open(sealed, context)).toString('utf8');
  }

  /** True when the value's data key is wrapped by an older KEK. */
  needsRewrap(sealed: string): boolean {
    return parse(sealed).kekId !== this.keys.currentKekId;
  }

  /** The same secret with its data key re-wrapped under the current KEK; the payload is untouched. */
  async rewrap(sealed: string, context: SecretContext): Promise<string> {
    checkContext(context);
    const parts = parse(sealed);
    if (parts.kekId === this.keys.currentKekId) return sealed;
    const rewrapped = await this.keys.rewrap(parts.wrapped, parts.kekId, context);
    return format({ kekId: rewrapped.kekId, wrapped: rewrapped.wrapped, payload: parts.payload });
  }
}

function format(parts: SealedParts): string {
  return [VERSION, Buffer.from(parts.kekId, 'utf8').toString('base64url'), parts.wrapped.toString('base64url'), parts.payload.toString('base64url')].join('.');
}

function parse(sealed: string): SealedParts {
  const pieces = sealed.split('.');
  if (pieces.length !== 4 || pieces[0] !== VERSION) throw new SecretUnreadableError('not a sealed value of this format');
  const [, kekId, wrapped, payload] = pieces as [string, string, string, string];
  return { kekId: Buffer.from(kekId, 'base64url').toString('utf8'), wrapped: Buffer.from(wrapped, 'base64url'), payload: Buffer.from(payload, 'base64url') };
}
