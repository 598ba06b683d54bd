import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { loadEnv } from '@finstack/config';
import { SesMailer, SmtpMailer } from '@finstack/mail';
import { mockClient } from 'aws-sdk-client-mock';
import { GatewayEnv } from '../gateway-env';
import { mailerFromEnv } from './mail-transport';

describe('mailerFromEnv', () => {
  const ses = mockClient(SESv2Client);
  afterAll(() => ses.restore());

  it('sends over SMTP unless told otherwise', () => {
    const mailer = mailerFromEnv(loadEnv(GatewayEnv, {}));
    expect(mailer).toBeInstanceOf(SmtpMailer);
    mailer.close();
  });

  it('sends through SES in the configured region, from MAIL_FROM, with MAIL_TRANSPORT=ses', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'id' });
    const mailer = mailerFromEnv(loadEnv(GatewayEnv, { MAIL_TRANSPORT: 'ses', SES_REGION: 'eu-west-1', MAIL_FROM: 'no-reply@example.com' }));
    expect(mailer).toBeInstanceOf(SesMailer);
    await mailer.send({ to: 'ann@example.com', subject: 's', text: 't', html: '<p>t</p>' });
    const [call] = ses.commandCalls(SendEmailCommand);
    expect(call!.args[0].input.FromEmailAddress).toBe('no-reply@example.com');
    expect(await ses.call(0).thisValue.config.region()).toBe('eu-west-1');
    mailer.close();
  });

  it('names a transport it does not know, and a region that is not one', () => {
    expect(() => loadEnv(GatewayEnv, { MAIL_TRANSPORT: 'sendmail' })).toThrow(/MAIL_TRANSPORT must be one of smtp, ses/);
    expect(() => loadEnv(GatewayEnv, { MAIL_TRANSPORT: 'ses', SES_REGION: 'Ireland' })).toThrow(/SES_REGION must be an AWS region/);
  });
});
