import { CommonEnv } from '@finstack/config';
import {
  accessTokenChecks,
  authUserFromClaims,
  loadServiceKeys,
  loadVerificationKey,
  looksLikeServiceToken,
  ServiceKeys,
  ServiceTokenSigner,
  VerificationKeys,
  verifyServiceToken,
} from '@finstack/auth';
import { decode, verify } from 'jsonwebtoken';

/** Who a verified call token proves the caller to be. */
export type VerifiedCaller = { kind: 'user'; userId: string } | { kind: 'service'; service: string };

/**
 * This process's side of authenticated TCP calls: the keys it signs its
 * service tokens with, and the keys it verifies its callers' tokens with.
 */
export class CallAuth {
  readonly signer: ServiceTokenSigner;
  /** Tokens already verified, until they expire: a user's calls and a caller's reused service token skip the ECDSA check. */
  private readonly verified = new Map<string, { caller: VerifiedCaller; expiresAtMs: number }>();

  constructor(
    readonly keys: ServiceKeys,
    /** The access tokens' keys (current and, during a rotation, previous), chosen by each token's kid. */
    private readonly userKeys: VerificationKeys,
    private readonly issuer: string,
  ) {
    this.signer = new ServiceTokenSigner(keys);
  }

  get service(): string {
    return this.keys.service;
  }

  /** The caller a token proves, or undefined when it proves nobody (forged, expired, unknown signer, other audience). */
  verify(token: string): VerifiedCaller | undefined {
    const hit = this.verified.get(token);
    if (hit && hit.expiresAtMs > Date.now()) return hit.caller;
    const caller = this.verifyUncached(token);
    if (caller !== undefined) this.remember(token, caller);
    return caller;
  }

  private remember(token: string, caller: VerifiedCaller): void {
    const exp = decode(token, { json: true })?.exp;
    if (typeof exp !== 'number') return;
    if (this.verified.size >= VERIFIED_CAPACITY) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, { caller, expiresAtMs: exp * 1000 });
  }

  private verifyUncached(token: string): VerifiedCaller | undefined {
    if (looksLikeServiceToken(token)) {
      const service = verifyServiceToken(token, this.keys);
      return service === undefined ? undefined : { kind: 'service', service };
    }
    try {
      const claims = verify(token, this.userKeys.keyFor(token), accessTokenChecks({ publicKey: '', issuer: this.issuer }));
      return { kind: 'user', userId: authUserFromClaims(claims).userId };
    } catch {
      return undefined;
    }
  }
}

/** Bounded: the oldest entry goes first. */
const VERIFIED_CAPACITY = 10_000;

let current: CallAuth | undefined;

/** Loads this app's keys from its settings (or DATA_DIR/keys); done once at start, before any call. */
export function configureCallAuth(service: string, env: CommonEnv): CallAuth {
  const production = env.NODE_ENV === 'production';
  const keys = loadServiceKeys({
    service,
    privateKeyPem: env.SERVICE_PRIVATE_KEY,
    publicKeysJson: env.SERVICE_PUBLIC_KEYS,
    dataDir: env.DATA_DIR,
    production,
  });
  const userKeys = VerificationKeys.fromPem(loadVerificationKey({ publicKeyPem: env.JWT_PUBLIC_KEY, dataDir: env.DATA_DIR, production }));
  current = new CallAuth(keys, userKeys, env.JWT_ISSUER);
  return current;
}

/** This process's CallAuth; a call made before configureCallAuth is a programming error. */
export function callAuth(): CallAuth {
  if (current === undefined) throw new Error('configureCallAuth() was not called at start: TCP calls cannot be authenticated');
  return current;
}
