import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gcmDecrypt, gcmEncrypt } from './aes-gcm';
import { DataKey, KeyWrapper } from './key-wrapper';
import { contextBytes, SecretContext } from './secret-context';

const KEY_BYTES = 32;
const KEY_FILE = /^kek-([0-9a-f]{16})\.key$/;

/** A local key's id: a short hash of it, so a key given in LOCAL_KEK is recognised in stored values. */
export function localKekId(key: Buffer): string {
  return createHash('sha256').update('finstack-kek').update(key).digest('hex').slice(0, 16);
}

/**
 * Key-encryption keys kept locally (embedded and compose runs): the current
 * one wraps new data keys with AES-256-GCM bound to the secret's context;
 * older ones still unwrap what they wrapped until `npm run rotate-keys` has
 * re-wrapped it.
 */
export class LocalKeyRing implements KeyWrapper {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKekId: string;

  constructor(current: Buffer, older: readonly Buffer[] = []) {
    for (const key of [current, ...older]) {
      if (key.length !== KEY_BYTES) throw new Error(`a local key-encryption key must be ${KEY_BYTES} bytes (base64 of 32 random bytes)`);
      this.keys.set(localKekId(key), key);
    }
    this.currentKekId = localKekId(current);
  }

  async newDataKey(context: SecretContext): Promise<DataKey> {
    const plaintext = randomBytes(KEY_BYTES);
    return { plaintext, wrapped: this.wrapWith(this.currentKekId, plaintext, context), kekId: this.currentKekId };
  }

  async unwrap(wrapped: Buffer, kekId: string, context: SecretContext): Promise<Buffer> {
    const key = this.keys.get(kekId);
    if (!key) throw new Error(`no local key-encryption key ${kekId} is available`);
    return gcmDecrypt(key, wrapped, wrapAad(kekId, context));
  }

  async rewrap(wrapped: Buffer, kekId: string, context: SecretContext): Promise<{ wrapped: Buffer; kekId: string }> {
    const plaintext = await this.unwrap(wrapped, kekId, context);
    try {
      return { wrapped: this.wrapWith(this.currentKekId, plaintext, context), kekId: this.currentKekId };
    } finally {
      plaintext.fill(0);
    }
  }

  private wrapWith(kekId: string, plaintext: Buffer, context: SecretContext): Buffer {
    return gcmEncrypt(this.keys.get(kekId)!, plaintext, wrapAad(kekId, context));
  }
}

function wrapAad(kekId: string, context: SecretContext): Buffer {
  return Buffer.concat([Buffer.from(`kek=${kekId}\n`, 'utf8'), contextBytes(context)]);
}

export function decodeKek(text: string, name: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${name} must be the base64 of 32 random bytes (e.g. \`openssl rand -base64 32\`)`);
  return key;
}

/**
 * The key ring kept in `dir` (DATA_DIR/keys): the directory is 0700, each
 * key file 0600, and `current` names the key in use. Made on first use.
 */
export function loadKeyDirectory(dir: string): LocalKeyRing {
  ensureKeyDirectory(dir);
  const ids = readdirSync(dir).flatMap((name) => KEY_FILE.exec(name)?.[1] ?? []);
  if (ids.length === 0) return new LocalKeyRing(addKeyToDirectory(dir));
  const currentPath = join(dir, 'current');
  const currentId = existsSync(currentPath) ? readFileSync(currentPath, 'utf8').trim() : ids.sort()[0]!;
  const keys = ids.map((id) => decodeKek(readFileSync(join(dir, `kek-${id}.key`), 'utf8'), `key file kek-${id}.key`));
  const current = keys.find((key) => localKekId(key) === currentId);
  if (!current) throw new Error(`${currentPath} names key ${currentId}, which is not in ${dir}`);
  return new LocalKeyRing(current, keys.filter((key) => key !== current));
}

/** A new random key in `dir`, made current (for rotation); older keys stay to unwrap. */
export function addKeyToDirectory(dir: string): Buffer {
  ensureKeyDirectory(dir);
  const key = randomBytes(KEY_BYTES);
  const id = localKekId(key);
  writeFileSync(join(dir, `kek-${id}.key`), key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  // Written aside then renamed: a reader never sees a half-written name.
  const pending = join(dir, `current.${process.pid}`);
  writeFileSync(pending, id + '\n', { mode: 0o600 });
  renameSync(pending, join(dir, 'current'));
  return key;
}

function ensureKeyDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir leaves an existing directory's mode (and umask may trim a new one's).
  chmodSync(dir, 0o700);
}
