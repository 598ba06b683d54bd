import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The text of the newest mail to an address that matches `pattern`, from the
 * .eml files the embedded catcher keeps, waiting for it to arrive: what a
 * person would read in their mailbox.
 */
export async function mailMatching(mailDir: string, address: string, pattern: RegExp, timeoutMs = 20_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = safeList(mailDir).filter((name) => name.endsWith('.eml')).sort().reverse();
    for (const name of names) {
      const raw = readFileSync(join(mailDir, name), 'utf8');
      if (!new RegExp(`^To:.*${address.replace(/[.+]/g, '\\$&')}`, 'mi').test(raw)) continue;
      const found = pattern.exec(unfold(raw));
      if (found) return found;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${address} matching ${pattern} under ${mailDir}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Quoted-printable soft line breaks and =3D, so a link or code reads as written. */
function unfold(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
}
