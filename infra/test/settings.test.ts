import * as pulumi from '@pulumi/pulumi';
import { readSettings, SettingsError } from '../src/settings';

/** The stack settings read from the given `pulumi config` values (namespace `finstack`). */
function settingsFrom(config: Record<string, string>) {
  pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([key, value]) => [`finstack:${key}`, value])));
  return readSettings(new pulumi.Config('finstack'));
}

function problemsOf(config: Record<string, string>): string[] {
  try {
    settingsFrom(config);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
}

describe('stack settings', () => {
  const CERTIFICATE = 'arn:aws:acm:eu-west-1:123456789012:certificate/abc';
  const CA = 'arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/0123';
  /** A stack that is secure by default: HTTPS at the edge, TLS between the tasks. */
  const SECURE = { certificateArn: CERTIFICATE, serviceConnectCaArn: CA };

  it('default to a rolling deployment that scales each service from 1 to 10 tasks', () => {
    const settings = settingsFrom(SECURE);
    expect(settings).toMatchObject({ gatewayDeployment: 'rolling', allowInsecureHttp: false, logRetentionDays: 30, protectData: true, operatorEmails: [], traceSampleRatio: 0.1 });
    expect(Object.values(settings.apps).every((app) => app.minCapacity === 1 && app.maxCapacity === 10)).toBe(true);
    expect(settings.apps.var).toMatchObject({ cpu: 2048, memory: 4096 });
  });

  it('refuse a stack without a certificate unless it says allowInsecureHttp: true', () => {
    expect(problemsOf({ serviceConnectCaArn: CA })).toEqual([expect.stringMatching(/certificateArn is required.*allowInsecureHttp: true/)]);
    expect(settingsFrom({ serviceConnectCaArn: CA, allowInsecureHttp: 'true' })).toMatchObject({ certificateArn: undefined, allowInsecureHttp: true });
  });

  it('refuse plain calls between the services unless the stack says allowPlainServiceConnect: true', () => {
    expect(problemsOf({ certificateArn: CERTIFICATE })).toEqual([expect.stringMatching(/serviceConnectCaArn is required.*allowPlainServiceConnect: true/)]);
    expect(problemsOf({ certificateArn: CERTIFICATE, serviceConnectCaArn: 'my-ca' })).toEqual([expect.stringMatching(/Private CA ARN/)]);
    expect(settingsFrom({ certificateArn: CERTIFICATE, allowPlainServiceConnect: 'true' })).toMatchObject({ serviceConnectCaArn: undefined });
  });

  it('take the capacity for every service and an app’s own size and capacity', () => {
    const settings = settingsFrom({ ...SECURE, minCapacity: '2', maxCapacity: '6', apps: JSON.stringify({ var: { cpu: 4096, memory: 8192, maxCapacity: 3 } }) });
    expect(settings.apps.var).toEqual({ cpu: 4096, memory: 8192, minCapacity: 2, maxCapacity: 3 });
    expect(settings.apps.gateway).toEqual({ cpu: 512, memory: 1024, minCapacity: 2, maxCapacity: 6 });
  });

  it('read an app’s size given as strings, as `pulumi config set --path` may store it', () => {
    expect(settingsFrom({ ...SECURE, apps: JSON.stringify({ report: { cpu: '512', memory: '2048' } }) }).apps.report).toMatchObject({ cpu: 512, memory: 2048 });
  });

  it('take the deployment mode, the certificate and the operators', () => {
    expect(
      settingsFrom({
        gatewayDeployment: 'canary',
        certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc',
        serviceConnectCaArn: CA,
        operatorEmails: 'ops@example.com, risk@example.com',
      }),
    ).toMatchObject({
      gatewayDeployment: 'canary',
      certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc',
      operatorEmails: ['ops@example.com', 'risk@example.com'],
    });
  });

  it('name every bad value at once, before anything is created', () => {
    const problems = problemsOf({
      gatewayDeployment: 'big-bang',
      logRetentionDays: '10',
      certificateArn: 'my-cert',
      minCapacity: '3',
      maxCapacity: '2',
      apps: JSON.stringify({ var: { cpu: 256, memory: 4096 }, billing: { cpu: 256 } }),
      testListenerCidrs: JSON.stringify(['everyone']),
      traceSampleRatio: '1.5',
    }).join('\n');
    expect(problems).toMatch(/gatewayDeployment must be one of rolling, blue-green, canary/);
    expect(problems).toMatch(/logRetentionDays/);
    expect(problems).toMatch(/certificateArn/);
    expect(problems).toMatch(/maxCapacity must be a whole number ≥ minCapacity/);
    expect(problems).toMatch(/apps\.var\.memory: 256 CPU units take 512–2048 MiB/);
    expect(problems).toMatch(/apps\.billing: no such app/);
    expect(problems).toMatch(/testListenerCidrs: "everyone"/);
    expect(problems).toMatch(/traceSampleRatio must be a ratio from 0 to 1/);
  });

  it('refuse a Fargate size that does not exist', () => {
    expect(problemsOf({ apps: JSON.stringify({ report: { cpu: 300, memory: 512 } }) }).join('\n')).toMatch(/apps\.report\.cpu must be one of/);
    expect(problemsOf({ apps: JSON.stringify({ report: { cpu: 256, memory: 1536 } }) }).join('\n')).toMatch(/apps\.report\.memory/);
    expect(problemsOf({ ...SECURE, apps: JSON.stringify({ report: { cpu: 1024, memory: 3072 } }) })).toEqual([]);
  });
});
