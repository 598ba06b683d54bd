/**
 * What a sealed secret is bound to. The same pair must be given to open it:
 * it is the additional authenticated data of both AES-GCM layers locally, and
 * the KMS EncryptionContext on AWS (where the key policy can require it).
 */
export interface SecretContext {
  /** What the secret is for, e.g. "market-data.connection" or "identity.totp". */
  purpose: string;
  /** The owner; "system" for a secret that belongs to no user. */
  userId: string;
}

const PURPOSE = /^[a-z][a-z0-9.-]{0,63}$/;
const USER_ID = /^[A-Za-z0-9-]{1,64}$/;

export function checkContext(context: SecretContext): SecretContext {
  if (!PURPOSE.test(context.purpose)) throw new Error(`secret purpose "${context.purpose}" must match ${PURPOSE}`);
  if (!USER_ID.test(context.userId)) throw new Error('secret userId must be 1-64 letters, digits or dashes');
  return context;
}

/** The KMS EncryptionContext: a flat string map. */
export function kmsContext(context: SecretContext): Record<string, string> {
  return { purpose: context.purpose, userId: context.userId };
}

/** A fixed byte string for AES-GCM's AAD: same context, same bytes. */
export function contextBytes(context: SecretContext): Buffer {
  return Buffer.from(`purpose=${context.purpose}\nuserId=${context.userId}`, 'utf8');
}
