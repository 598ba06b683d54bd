import { ConfigError } from '@finstack/config';
import { createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOnce, parseEs256PrivateKey } from './key-files';
import { keyIdOf } from './verification-keys';

/** The gateway's ES256 key pair: the private half signs access tokens, the public half is all a verifier needs. */
export class SigningKeys {
  constructor(
    readonly privateKeyPem: string,
    readonly publicKeyPem: string,
    /** Short hash of the public key, put in each token's header: verifiers pick the key by it. */
    readonly kid: string,
    /** Public keys of earlier signing keys still accepted during a rotation (tokens last 15 minutes). */
    readonly previousPublicKeyPems: string[] = [],
  ) {}

  /** What verifiers take: the current public key, then the previous ones. */
  get verificationPem(): string {
    return [this.publicKeyPem, ...this.previousPublicKeyPems].join('');
  }
}

export interface SigningKeySources {
  /** JWT_PRIVATE_KEY / JWT_PUBLIC_KEY: both or neither; JWT_PUBLIC_KEY may add previous public keys after the current one. */
  privateKeyPem?: string;
  publicKeyPem?: string;
  /** Where the embedded mode keeps a generated pair, under keys/. */
  dataDir: string;
  /** In production the pair must be configured: replicas generating their own would refuse each other's tokens. */
  production?: boolean;
}

export const PRIVATE_FILE = 'jwt-es256-private.pem';
/** The current public key, then (after `npm run rotate-jwt-key`) the previous one. */
export const PUBLIC_FILE = 'jwt-es256-public.pem';
const PUBLIC_KEY_PEM = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g;

/**
 * Configured keys when given; otherwise the pair under DATA_DIR/keys,
 * created on first start and reused afterwards. Any inconsistency stops the start.
 */
export function loadSigningKeys(sources: SigningKeySources): SigningKeys {
  const { privateKeyPem, publicKeyPem } = sources;
  if (privateKeyPem && publicKeyPem) {
    return checkedPair(unescapeNewlines(privateKeyPem), unescapeNewlines(publicKeyPem), 'JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY');
  }
  if (privateKeyPem || publicKeyPem) {
    throw new ConfigError(['JWT_PRIVATE_KEY, JWT_PUBLIC_KEY: set both or neither']);
  }
  if (sources.production) {
    throw new ConfigError(['JWT_PRIVATE_KEY, JWT_PUBLIC_KEY: required when NODE_ENV=production']);
  }
  return loadOrCreateKeyFiles(join(sources.dataDir, 'keys'));
}

function loadOrCreateKeyFiles(dir: string): SigningKeys {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700); // mkdir's mode applies only to a folder it creates
  const privatePath = join(dir, PRIVATE_FILE);
  const publicPath = join(dir, PUBLIC_FILE);
  if (!existsSync(privatePath)) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    createOnce(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600);
  }
  chmodSync(privatePath, 0o600); // also when an older version left it looser
  const privateKeyPem = readFileSync(privatePath, 'utf8');
  if (!existsSync(publicPath)) {
    // Written for other services and operators; the gateway itself derives it from the private key.
    createOnce(publicPath, publicKeyOf(parseEs256PrivateKey(privateKeyPem, privatePath)), 0o644);
  }
  return checkedPair(privateKeyPem, readFileSync(publicPath, 'utf8'), privatePath, publicPath);
}

/** The private key, and the public keys given for it: its own public half must be among them (the others are previous keys). */
function checkedPair(privateKeyPem: string, publicKeysPem: string, privateName: string, publicName: string): SigningKeys {
  const derivedPublicPem = publicKeyOf(parseEs256PrivateKey(privateKeyPem, privateName));
  const givenPublicPems = readPublicKeys(publicKeysPem, publicName);
  if (!givenPublicPems.includes(derivedPublicPem)) {
    throw new ConfigError([`${publicName}: is not the public half of ${privateName}`]);
  }
  const previous = givenPublicPems.filter((pem) => pem !== derivedPublicPem);
  return new SigningKeys(privateKeyPem, derivedPublicPem, keyIdOf(derivedPublicPem), previous);
}

/** Every PEM public key of a bundle, normalised; none readable is a configuration error. */
function readPublicKeys(bundle: string, name: string): string[] {
  const pems = bundle.match(PUBLIC_KEY_PEM) ?? [];
  try {
    if (pems.length === 0) throw new Error('none');
    return pems.map((pem) => createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString());
  } catch {
    throw new ConfigError([`${name}: not a readable PEM public key`]);
  }
}


const publicKeyOf = (privateKey: KeyObject): string =>
  createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();

/** Env files often carry a PEM on one line with literal "\n". */
const unescapeNewlines = (pem: string): string => pem.replace(/\\n/g, '\n');


/**
 * `npm run rotate-jwt-key` on the embedded key files (DATA_DIR/keys): a new
 * signing key, while the current public key stays accepted as the previous
 * one (any older one goes), so tokens already out keep working until they
 * expire. The public file is written first, so no verifier ever meets a token
 * of a key it does not know. Running apps read the keys at start: restart them.
 */
export function rotateSigningKeyFiles(dataDir: string): { kid: string; previousKid: string } {
  const dir = join(dataDir, 'keys');
  const current = loadOrCreateKeyFiles(dir);
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const newPublicPem = publicKeyOf(privateKey);
  replaceAtomically(join(dir, PUBLIC_FILE), newPublicPem + current.publicKeyPem, 0o644);
  replaceAtomically(join(dir, PRIVATE_FILE), privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600);
  return { kid: keyIdOf(newPublicPem), previousKid: current.kid };
}

function replaceAtomically(path: string, content: string, mode: number): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode });
  renameSync(temporary, path);
}

export interface VerificationKeySources {
  /** JWT_PUBLIC_KEY, as the gateway's setting of the same name. */
  publicKeyPem?: string;
  dataDir: string;
  production?: boolean;
}

/**
 * The public key an app other than the gateway verifies access tokens with:
 * JWT_PUBLIC_KEY when set (required in production), otherwise the public half
 * of the embedded pair under DATA_DIR/keys. Read through loadSigningKeys, so an
 * app started before the gateway creates the pair the gateway then finds
 * (never a second one: files are created once, atomically).
 */
export function loadVerificationKey(sources: VerificationKeySources): string {
  if (sources.publicKeyPem) return readPublicKeys(unescapeNewlines(sources.publicKeyPem), 'JWT_PUBLIC_KEY').join('');
  if (sources.production) throw new ConfigError(['JWT_PUBLIC_KEY: required when NODE_ENV=production']);
  return loadSigningKeys({ dataDir: sources.dataDir }).verificationPem;
}
