import { MailMessage } from '@finstack/mail';

/*
 * The product's mail: short, plain words, the same in text and HTML, no
 * images, no tracking pixels, no link rewriting.
 */

const PRODUCT = 'finstack';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Paragraphs of text; a paragraph that is a URL becomes a link in the HTML part. */
function message(to: string, subject: string, paragraphs: string[]): MailMessage {
  const html = paragraphs
    .map((paragraph) => (/^https?:\/\/\S+$/.test(paragraph) ? `<p><a href="${escapeHtml(paragraph)}">${escapeHtml(paragraph)}</a></p>` : `<p>${escapeHtml(paragraph)}</p>`))
    .join('\n');
  return {
    to,
    subject: `${PRODUCT}: ${subject}`,
    text: `${paragraphs.join('\n\n')}\n\n— ${PRODUCT}\n`,
    html: `<!doctype html><html><body>${html}<p>— ${PRODUCT}</p></body></html>`,
  };
}

export function verificationMail(to: string, link: string, code: string, validHours: number): MailMessage {
  return message(to, 'confirm your email address', [
    `Confirm your email address to finish signing up for ${PRODUCT}. Open this link:`,
    link,
    `or enter this code: ${code}`,
    `Both work once, for ${validHours} hours. If you did not sign up, ignore this message: no account is used without it.`,
  ]);
}

export function signUpAttemptMail(to: string, resetLink: string): MailMessage {
  return message(to, 'someone tried to sign up with your address', [
    `Someone just tried to sign up for ${PRODUCT} with this email address, which already has an account.`,
    'If it was you, log in instead. If you forgot your password, you can choose a new one here:',
    resetLink,
    'If it was not you, nothing changed and you need not do anything.',
  ]);
}
