import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { SesMailer } from './ses-mailer';

/*
 * SES doubled with aws-sdk-client-mock, answering as the SESv2 API reference
 * documents SendEmail: {MessageId} on success; MessageRejected (400) for a
 * message it refuses, e.g. a From address the account has not verified.
 */
describe('SesMailer', () => {
  const ses = mockClient(SESv2Client);
  afterEach(() => ses.reset());
  afterAll(() => ses.restore());

  const message = { to: 'ann@example.com', subject: 'Confirm your email', text: 'Your code: 123456', html: '<p>Your code: <b>123456</b></p>' };

  it('sends the message from the configured address, both bodies in UTF-8, in the configuration set', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: '0100018c-example' });
    await new SesMailer(new SESv2Client({ region: 'eu-west-1' }), 'finstack <no-reply@example.com>', 'finstack-events').send(message);

    const calls = ses.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      FromEmailAddress: 'finstack <no-reply@example.com>',
      Destination: { ToAddresses: ['ann@example.com'] },
      Content: {
        Simple: {
          Subject: { Data: 'Confirm your email', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Your code: 123456', Charset: 'UTF-8' }, Html: { Data: '<p>Your code: <b>123456</b></p>', Charset: 'UTF-8' } },
        },
      },
      ConfigurationSetName: 'finstack-events',
    });
  });

  it('names no configuration set when none is configured', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'id' });
    await new SesMailer(new SESv2Client({ region: 'eu-west-1' }), 'no-reply@example.com').send(message);
    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input).not.toHaveProperty('ConfigurationSetName');
  });

  it("fails the send when SES refuses it, so the mail outbox keeps the message and retries", async () => {
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' }));
    await expect(new SesMailer(new SESv2Client({ region: 'eu-west-1' }), 'no-reply@example.com').send(message)).rejects.toThrow(
      'Email address is not verified.',
    );
  });
});
