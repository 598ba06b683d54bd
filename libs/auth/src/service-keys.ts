import { ConfigError } from '@finstack/config';
import { createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOnce, parseEs256PrivateKey } from './key-files';

/**
 * One app's own ES256 key pair for the service tokens it signs, and the
 * public keys of the other apps whose tokens it accepts.
 */
export interface ServiceKeys {
  /** This app's name: the `sub` of the tokens it signs, the `aud` it accepts. */
  readonly service: string;
  readonly privateKey: KeyObject;
  /** The public key of another app, or undefined when it has none configured. */
  publicKeyOf(service: string): KeyObject | undefined;
}

export interface ServiceKeySources {
  service: string;
  /** SERVICE_PRIVATE_KEY: this app's PEM private key (EC P-256). */
  privateKeyPem?: string;
  /** SERVICE_PUBLIC_KEYS: JSON object of app name to PEM public key. */
  publicKeysJson?: string;
  /** Embedded mode keeps every app's pair under DATA_DIR/keys. */
  dataDir: string;
  /** In production both settings are required: keys made per replica would refuse each other. */
  production?: boolean;
}

/** Names an app may have: a file name is built from it. */
const SERVICE_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** The keys from the settings when given, otherwise generated once under DATA_DIR/keys (mode 0600). */
export function loadServiceKeys(sources: ServiceKeySources): ServiceKeys {
  if (!SERVICE_NAME.test(sources.service)) throw new ConfigError([`service name "${sources.service}" is not a valid app name`]);
  const problems: string[] = [];
  if (sources.production && !sources.privateKeyPem) problems.push('SERVICE_PRIVATE_KEY: required when NODE_ENV=production');
  if (sources.production && !sources.publicKeysJson) problems.push('SERVICE_PUBLIC_KEYS: required when NODE_ENV=production');
  if (problems.length > 0) throw new ConfigError(problems);
  const dir = join(sources.dataDir, 'keys');
  const privateKey = sources.privateKeyPem
    ? parseEs256PrivateKey(sources.privateKeyPem.replace(/\\n/g, '\n'), 'SERVICE_PRIVATE_KEY')
    : loadOrCreatePair(dir, sources.service);
  const configured = sources.publicKeysJson === undefined ? undefined : parsePublicKeys(sources.publicKeysJson);
  const fromFiles = new Map<string, KeyObject>();
  return {
    service: sources.service,
    privateKey,
    publicKeyOf(service: string): KeyObject | undefined {
      if (configured) return configured.get(service);
      if (!SERVICE_NAME.test(service)) return undefined;
      // Embedded: another app may create its pair after this one started, so look again until found.
      let key = fromFiles.get(service);
      if (key === undefined && existsSync(publicPath(dir, service))) {
        key = createPublicKey(readFileSync(publicPath(dir, service), 'utf8'));
        fromFiles.set(service, key);
      }
      return key;
    },
  };
}

const privatePath = (dir: string, service: string) => join(dir, `service-${service}-private.pem`);
const publicPath = (dir: string, service: string) => join(dir, `service-${service}-public.pem`);

function loadOrCreatePair(dir: string, service: string): KeyObject {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const path = privatePath(dir, service);
  if (!existsSync(path)) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    createOnce(path, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600);
  }
  chmodSync(path, 0o600);
  const privateKey = parseEs256PrivateKey(readFileSync(path, 'utf8'), path);
  if (!existsSync(publicPath(dir, service))) {
    createOnce(publicPath(dir, service), createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(), 0o644);
  }
  return privateKey;
}


function parsePublicKeys(json: string): Map<string, KeyObject> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ConfigError(['SERVICE_PUBLIC_KEYS: must be a JSON object of app name to PEM public key']);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(['SERVICE_PUBLIC_KEYS: must be a JSON object of app name to PEM public key']);
  }
  const keys = new Map<string, KeyObject>();
  for (const [service, pem] of Object.entries(parsed)) {
    try {
      keys.set(service, createPublicKey(String(pem).replace(/\\n/g, '\n')));
    } catch {
      throw new ConfigError([`SERVICE_PUBLIC_KEYS: the key of "${service}" is not a readable PEM public key`]);
    }
  }
  return keys;
}

