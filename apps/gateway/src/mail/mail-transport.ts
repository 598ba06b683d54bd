import { SESv2Client } from '@aws-sdk/client-sesv2';
import { Mailer, SesMailer, SmtpMailer } from '@finstack/mail';
import { GatewayEnv } from '../gateway-env';

/** The mailer MAIL_TRANSPORT names: SMTP everywhere but AWS, where SES sends with the task role's credentials. */
export function mailerFromEnv(env: GatewayEnv): Mailer {
  switch (env.MAIL_TRANSPORT) {
    case 'smtp':
      return new SmtpMailer(env.SMTP_URL, env.MAIL_FROM);
    case 'ses':
      return new SesMailer(new SESv2Client(env.SES_REGION ? { region: env.SES_REGION } : {}), env.MAIL_FROM, env.SES_CONFIGURATION_SET);
  }
}
