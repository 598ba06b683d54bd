import { createTransport, Transporter } from 'nodemailer';
import { MailMessage } from './mail-message';
import { Mailer } from './mailer';

/** How long one SMTP conversation may take before the send counts as failed (and is retried later). */
const SMTP_TIMEOUT_MS = 10_000;

/**
 * Sends mail over SMTP (smtp://, or smtps:// for TLS from the first byte).
 * Used by the identity outbox's relay: a send that throws is retried from
 * there, so nothing here retries.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    const url = new URL(smtpUrl);
    this.transport = createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
      // A loopback catcher has no certificate; anything else must offer STARTTLS properly.
      ignoreTLS: isLoopback(url.hostname),
    });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text, html: message.html });
  }

  close(): void {
    this.transport.close();
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}
