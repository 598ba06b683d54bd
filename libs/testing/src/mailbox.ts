import { CaughtMail, LocalSmtpCatcher } from '@finstack/mail';
import { waitUntil } from '@finstack/process';

/**
 * The mail a test stack's gateway sent, received by a real SMTP server
 * (smtp-server) on loopback: tests read links and codes from it as a person would.
 */
export class Mailbox {
  constructor(readonly catcher: LocalSmtpCatcher) {}

  /** Every message to this address so far, oldest first. */
  to(address: string): CaughtMail[] {
    const wanted = address.toLowerCase();
    return this.catcher.messages().filter((mail) => mail.to.includes(wanted));
  }

  /** Waits for the (count)th message to an address whose subject matches, and returns it. */
  async waitFor(address: string, subject: RegExp, count = 1, timeoutMs = 15_000): Promise<CaughtMail> {
    const matching = () => this.to(address).filter((mail) => subject.test(mail.subject));
    await waitUntil(`mail #${count} to ${address} matching ${subject}`, async () => matching().length >= count, timeoutMs);
    return matching()[count - 1];
  }
}

/** The first link of a message's text whose path ends as given (e.g. /verify-email), with its query. */
export function linkIn(mail: CaughtMail, path: string): URL {
  for (const match of mail.text.matchAll(/https?:\/\/\S+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.endsWith(path)) return url;
  }
  throw new Error(`no ${path} link in "${mail.subject}": ${mail.text}`);
}

/** The 6-digit code of a message ("enter this code: 123456"). */
export function codeIn(mail: CaughtMail): string {
  const code = /code: (\d{6})/.exec(mail.text)?.[1];
  if (!code) throw new Error(`no code in "${mail.subject}": ${mail.text}`);
  return code;
}

const mailboxes = new Map<string, Mailbox>();

/** Makes a gateway's mailbox known to the helpers that sign users up (newSession, sessionFor). */
export function registerMailbox(apiBaseUrl: string, mailbox: Mailbox): void {
  mailboxes.set(apiBaseUrl, mailbox);
}

export function forgetMailbox(apiBaseUrl: string): void {
  mailboxes.delete(apiBaseUrl);
}

/** The mailbox of the gateway at this address: startStack makes one for each stack. */
export function mailboxOf(apiBaseUrl: string): Mailbox {
  const mailbox = mailboxes.get(apiBaseUrl);
  if (!mailbox) throw new Error(`no mailbox for ${apiBaseUrl}: start the gateway with startStack, or registerMailbox its SMTP catcher`);
  return mailbox;
}
