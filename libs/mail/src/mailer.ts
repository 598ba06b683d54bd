import { MailMessage } from './mail-message';

/** A way out for mail (SMTP, or SES in AWS). A send that throws is retried by the caller's outbox relay. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}
