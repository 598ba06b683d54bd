import { utcTimestamp } from '@finstack/contracts';
import { appendEvents } from '@finstack/outbox';
import { EntityManager } from 'typeorm';
import { enqueueMail } from '../../mail/mail-outbox';
import { signInAlertMail } from '../../mail/mail-templates';
import { authLoginEvent, IDENTITY_OUTBOX, LoginOrigin, readableOrigin } from '../login-events';
import { knownOrigin } from '../sessions/session-rows';
import { UserEntity } from '../user.entity';

/**
 * Tells an account's owner of a sign-in, in the sign-in's transaction and
 * before its session is recorded: always the auth.login push; also a mail when
 * the device (User-Agent) or the IP was never used by the account before and
 * the owner has not turned sign-in alerts off. The very first sign-in of an
 * account mails nothing: there is no earlier device to compare with.
 * Returns whether a mail was queued.
 */
export async function announceSignIn(manager: EntityManager, user: UserEntity, origin: LoginOrigin, at: Date, sessionsLink: string): Promise<boolean> {
  await appendEvents(manager, IDENTITY_OUTBOX, [authLoginEvent(user.id, origin, at)]);
  if (!user.signInAlerts) return false;
  const readable = readableOrigin(origin);
  const known = await knownOrigin(manager, user.id, readable);
  if (!known.any || (known.ip && known.userAgent)) return false;
  await enqueueMail(manager, signInAlertMail(user.email, { ...readable, at: utcTimestamp(at) }, sessionsLink));
  return true;
}
