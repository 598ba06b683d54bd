import * as pulumi from '@pulumi/pulumi';
import { readSettings, SettingsError } from '../src/settings';
import { ACCOUNT, deploy, MockCloud, REGION } from './support/mock-cloud';
import { T } from './support/types';

/* eslint-disable @typescript-eslint/no-explicit-any */
const policyOf = (cloud: MockCloud, app: string): any[] => JSON.parse(cloud.one(T.rolePolicy, `${app}-task`).inputs.policy).Statement;
const sesStatements = (cloud: MockCloud, app: string) => policyOf(cloud, app).filter((statement) => JSON.stringify(statement.Action).includes('ses:'));
const gatewayVariables = (cloud: MockCloud): Record<string, string> =>
  Object.fromEntries(cloud.containers('gateway').find((c: any) => c.name === 'gateway').environment.map((v: any) => [v.name, v.value]));

function problemsOf(config: Record<string, string>): string[] {
  // Only the mail settings are under test: the stack is otherwise a valid throwaway one.
  const stack = { allowInsecureHttp: 'true', allowPlainServiceConnect: 'true', ...config };
  pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(stack).map(([key, value]) => [`finstack:${key}`, value])));
  try {
    readSettings(new pulumi.Config('finstack'));
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
}

describe("the gateway's mail through SES", () => {
  it('sends with the task role, through the configured identity, and only From the configured address', async () => {
    const cloud = await deploy({ mail: { from: 'no-reply@finstack.example', identity: 'finstack.example' } });
    expect(sesStatements(cloud, 'gateway')).toEqual([
      {
        Effect: 'Allow',
        Action: ['ses:SendEmail'],
        Resource: `arn:aws:ses:${REGION}:${ACCOUNT}:identity/finstack.example`,
        Condition: { StringEquals: { 'ses:FromAddress': 'no-reply@finstack.example' } },
      },
    ]);
    expect(gatewayVariables(cloud)).toMatchObject({ MAIL_TRANSPORT: 'ses', MAIL_FROM: 'no-reply@finstack.example', SES_REGION: REGION });
    // No other app may send mail.
    for (const app of ['trx-crud', 'classifier', 'report', 'portfolio', 'var', 'notifications']) expect([app, sesStatements(cloud, app)]).toEqual([app, []]);
  });

  it('gives no one SES rights, and leaves the gateway on SMTP, when no sender is configured', async () => {
    const cloud = await deploy({ mail: undefined });
    expect(sesStatements(cloud, 'gateway')).toEqual([]);
    expect(gatewayVariables(cloud).MAIL_TRANSPORT).toBeUndefined();
  });

  it('takes the identity as the address’s domain unless configured, and refuses one that does not cover the address', () => {
    expect(problemsOf({ mailFrom: 'no-reply@finstack.example' })).toEqual([]);
    expect(problemsOf({ mailFrom: 'no-reply@finstack.example', mailIdentity: 'no-reply@finstack.example' })).toEqual([]);
    expect(problemsOf({ mailFrom: 'no-reply@finstack.example', mailIdentity: 'other.example' })).toEqual([
      "mailIdentity must be mailFrom's domain (finstack.example) or mailFrom itself, the SES identity that may send it",
    ]);
    expect(problemsOf({ mailFrom: 'finstack <no-reply@finstack.example>' })[0]).toMatch(/mailFrom must be a bare email address/);
    expect(problemsOf({ mailIdentity: 'finstack.example' })).toEqual(['mailIdentity needs mailFrom, the address the gateway sends from']);
  });
});
