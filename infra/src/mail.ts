import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

/** Where the gateway's mail leaves from in AWS: an SES identity verified beforehand (a domain or one address), and the address on every mail. */
export interface MailSettings {
  /** The From address, e.g. no-reply@example.com: the only one the gateway may send from. */
  from: string;
  /** The verified SES identity that covers it: the address's domain (default) or the address itself. */
  identity: string;
}

/** What the gateway's SES transport calls (SESv2 SendEmail authorises as ses:SendEmail). */
export const SES_SEND_ACTIONS = ['ses:SendEmail'];

/** The SES identity's ARN in this account and region. */
export function sesIdentityArn(mail: MailSettings, region: pulumi.Input<string>): pulumi.Output<string> {
  const accountId = aws.getCallerIdentityOutput().accountId;
  return pulumi.interpolate`arn:aws:ses:${region}:${accountId}:identity/${mail.identity}`;
}

/** The gateway's permission to send: through that identity only, and only From that address. */
export function sesSendStatement(mail: MailSettings, region: pulumi.Input<string>): pulumi.Input<Record<string, unknown>> {
  return {
    Effect: 'Allow',
    Action: SES_SEND_ACTIONS,
    Resource: sesIdentityArn(mail, region),
    Condition: { StringEquals: { 'ses:FromAddress': mail.from } },
  };
}

/** Problems with the mail settings, for readSettings. */
export function mailProblems(mail: MailSettings): string[] {
  const problems: string[] = [];
  // A bare address: ses:FromAddress compares the address, and MAIL_FROM is sent as given.
  if (!/^[^@\s<>"]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(mail.from)) problems.push(`mailFrom must be a bare email address such as no-reply@example.com, not "${mail.from}"`);
  const domain = mail.from.split('@')[1]?.toLowerCase();
  const identity = mail.identity.toLowerCase();
  if (identity !== mail.from.toLowerCase() && identity !== domain) {
    problems.push(`mailIdentity must be mailFrom's domain (${domain}) or mailFrom itself, the SES identity that may send it`);
  }
  return problems;
}
