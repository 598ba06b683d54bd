import { AuthLoginEvent, AuthLoginPayload, EVENT_TYPES, utcTimestamp } from '@finstack/contracts';
import { domainEvent } from '@finstack/outbox';

/** The outbox of the identity schema (see @finstack/outbox). */
export const IDENTITY_OUTBOX = 'identity_outbox';

/** Enough for any real browser's User-Agent; the alert is a line a person reads. */
export const MAX_USER_AGENT_LENGTH = 200;
/** The longest IPv6 text with a zone is well below this; anything longer is not an address. */
const MAX_IP_LENGTH = 64;
const UNKNOWN = 'unknown';

/** Where a log-in came from: the client IP as the gateway determines it, and the User-Agent header. */
export interface LoginOrigin {
  ip?: string;
  userAgent?: string;
}

/**
 * The alert for the owner of an account someone just signed in to:
 * "new sign-in from 203.0.113.7, Mozilla/5.0 …". Both values come from the
 * client, so they are cut to a readable length and rid of control characters
 * (the alert may end up in a terminal, as with `npm run listen`).
 */
export function authLoginEvent(userId: string, origin: LoginOrigin, at: Date): AuthLoginEvent {
  const { ip, userAgent } = readableOrigin(origin);
  const payload: AuthLoginPayload = { ip, userAgent, at: utcTimestamp(at), message: `new sign-in from ${ip}, ${userAgent}` };
  return domainEvent(EVENT_TYPES.authLogin, payload, { userId, occurredAt: at });
}

/** Both values as stored and shown: cut, rid of control characters, "unknown" when absent. */
export function readableOrigin(origin: LoginOrigin): { ip: string; userAgent: string } {
  return { ip: readable(origin.ip, MAX_IP_LENGTH), userAgent: readable(origin.userAgent, MAX_USER_AGENT_LENGTH) };
}

function readable(text: string | undefined, maxLength: number): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = (text ?? '').replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim().slice(0, maxLength).trim();
  return clean === '' ? UNKNOWN : clean;
}
