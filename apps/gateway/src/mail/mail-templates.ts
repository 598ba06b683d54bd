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

/** `validFor`: the link's lifetime in words, e.g. "30 minutes". */
export function passwordResetMail(to: string, link: string, validFor: string): MailMessage {
  return message(to, 'choose a new password', [
    `Someone asked to reset the password of your ${PRODUCT} account. To choose a new one, open this link:`,
    link,
    `It works once, for ${validFor}, and signs you out everywhere. If you did not ask, ignore this message: your password stays as it is.`,
  ]);
}

export function signInAlertMail(to: string, sign: { ip: string; userAgent: string; at: string }, sessionsLink: string): MailMessage {
  return message(to, 'new sign-in to your account', [
    `Your ${PRODUCT} account was just signed in to from a device or network it had not used before:`,
    `When: ${sign.at}. IP address: ${sign.ip}. Device: ${sign.userAgent}.`,
    'If it was you, you need not do anything. If not, change your password and end the sessions you do not know here:',
    sessionsLink,
    'You can turn these messages off in your account settings.',
  ]);
}
