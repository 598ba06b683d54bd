import { simpleParser } from 'mailparser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The token of the newest verification mail to an address among the messages
 * the embedded mail catcher keeps (DATA_DIR/mail): what `npm run seed` follows
 * to confirm the demo user's address, as its owner would.
 */
export async function newestVerificationToken(mailDir: string, address: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = readdirSync(mailDir).filter((name) => name.endsWith('.eml')).sort().reverse();
  } catch {
    return undefined; // no catcher has run here
  }
  for (const name of names) {
    const mail = await simpleParser(readFileSync(join(mailDir, name)));
    const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((group) => group.value.map((a) => a.address?.toLowerCase()));
    if (!to.includes(address.toLowerCase())) continue;
    const token = /\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    if (token) return token;
  }
  return undefined;
}

interface MailpitSummary {
  ID: string;
  To: { Address: string }[] | null;
}

/**
 * The same token from a Mailpit (docker compose: MAILPIT_URL), through its
 * REST API (https://mailpit.axllent.org/docs/api-v1/): GET /api/v1/messages
 * lists messages newest first, GET /api/v1/message/{ID} has the text body.
 */
export async function newestVerificationTokenInMailpit(mailpitUrl: string, address: string): Promise<string | undefined> {
  const list = await fetch(new URL('/api/v1/messages?limit=50', mailpitUrl)).catch(() => undefined);
  if (!list?.ok) return undefined;
  const { messages } = (await list.json()) as { messages: MailpitSummary[] };
  for (const summary of messages) {
    if (!(summary.To ?? []).some((to) => to.Address.toLowerCase() === address.toLowerCase())) continue;
    const message = await fetch(new URL(`/api/v1/message/${encodeURIComponent(summary.ID)}`, mailpitUrl));
    if (!message.ok) continue;
    const { Text } = (await message.json()) as { Text: string };
    const token = /\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(Text)?.[1];
    if (token) return token;
  }
  return undefined;
}
