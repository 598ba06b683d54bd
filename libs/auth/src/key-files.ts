import { ConfigError } from '@finstack/config';
import { createPrivateKey, KeyObject } from 'node:crypto';
import { linkSync, unlinkSync, writeFileSync } from 'node:fs';

/** An ES256 private key from PEM; `name` says where it came from in the error. */
export function parseEs256PrivateKey(pem: string, name: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new ConfigError([`${name}: not a readable PEM private key`]);
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new ConfigError([`${name}: must be an EC P-256 key, as ES256 requires`]);
  }
  return key;
}

/**
 * Creates a file with its full content atomically, and never replaces one:
 * replicas starting at once on the same DATA_DIR all end up with the first key.
 */
export function createOnce(path: string, content: string, mode: number): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
}
