import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { MailMessage } from './mail-message';
import { Mailer } from './mailer';

/** How long one SendEmail call may take before the send counts as failed (and is retried later). */
const SES_TIMEOUT_MS = 10_000;

/**
 * Sends mail through Amazon SES's v2 API (SendEmail with simple content:
 * https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html),
 * with the credentials of the task role. `from` must be the verified identity's
 * address, the only one the role may send from (ses:FromAddress).
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly from: string,
    private readonly configurationSet?: string,
  ) {}

  async send(message: MailMessage): Promise<void> {
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: message.text, Charset: 'UTF-8' }, Html: { Data: message.html, Charset: 'UTF-8' } },
          },
        },
        ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
      }),
      { abortSignal: AbortSignal.timeout(SES_TIMEOUT_MS) },
    );
  }

  close(): void {
    this.client.destroy();
  }
}
