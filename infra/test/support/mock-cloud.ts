import * as pulumi from '@pulumi/pulumi';
import { readSettings, StackSettings } from '../../src/settings';
import { createStack, Stack } from '../../src/stack';

export const REGION = 'eu-west-1';
export const ACCOUNT = '123456789012';
/** What the mocked providers hand out, so that tests can look for them where they must not be. */
export const GENERATED_PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMOCK-ES256-PRIVATE-KEY\n-----END PRIVATE KEY-----\n';
export const GENERATED_PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMOCK-ES256-PUBLIC-KEY\n-----END PUBLIC KEY-----\n';
export const GENERATED_REDIS_TOKEN = 'MockRedisAuthToken0123456789abcdefghijklmnopqrstuv';
/** What the mocked TLS provider hands out for an app's service key (`<app>-service-key`). */
export const mockServiceKey = (resource: string, half: 'PRIVATE' | 'PUBLIC') =>
  `-----BEGIN ${half} KEY-----\nMOCK-${resource}-${half}\n-----END ${half} KEY-----\n`;
export const DATABASE_SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:rds!db-database`;

export interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  id: string;
  state: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The ARN a mocked resource gets: `arn:aws:<service>:<region>:<account>:<kind>/<name>`. */
export function arnOf(type: string, name: string): string {
  const [, module = 'mock', kind = 'Resource'] = /^[^:]+:([^/:]+)\/?[^:]*:(.+)$/.exec(type) ?? [];
  if (module === 'secretsmanager') return `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}`;
  return `arn:aws:${module}:${REGION}:${ACCOUNT}:${kind.toLowerCase()}/${name}`;
}

export function idOf(type: string, name: string): string {
  return `${name}@${type}`;
}

/** Outputs a real provider would compute and the program reads. */
function computedState(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const physicalName = (inputs.name as string | undefined) ?? `${name}-1a2b3c4`;
  const common = { ...inputs, arn: arnOf(type, name), name: physicalName };
  switch (type) {
    case 'aws:lb/loadBalancer:LoadBalancer':
      return { ...common, dnsName: `${name}-123.${REGION}.elb.amazonaws.com`, arnSuffix: `app/${name}/50dc6c495c0c9188` };
    case 'aws:lb/targetGroup:TargetGroup':
      return { ...common, arnSuffix: `targetgroup/${name}/73e2d6bc24d8a067` };
    case 'aws:rds/instance:Instance':
      return {
        ...common,
        identifier: `${name}-1a2b3c4`,
        address: `${name}.abc.${REGION}.rds.amazonaws.com`,
        endpoint: `${name}.abc.${REGION}.rds.amazonaws.com:3306`,
        masterUserSecrets: [{ secretArn: DATABASE_SECRET_ARN, secretStatus: 'active', kmsKeyId: 'aws/secretsmanager' }],
      };
    case 'aws:elasticache/replicationGroup:ReplicationGroup':
      return { ...common, primaryEndpointAddress: `master.${name}.abc.euw1.cache.amazonaws.com` };
    case 'aws:s3/bucket:Bucket':
      return { ...common, bucket: `${name}-1a2b3c4` };
    case 'aws:ecr/repository:Repository':
      return { ...common, repositoryUrl: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${name}` };
    case 'awsx:ecr:Image':
      return { imageUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${name}@sha256:0123` };
    case 'tls:index/privateKey:PrivateKey':
      if (name.endsWith('-service-key')) return { ...inputs, privateKeyPemPkcs8: mockServiceKey(name, 'PRIVATE'), publicKeyPem: mockServiceKey(name, 'PUBLIC') };
      return { ...inputs, privateKeyPemPkcs8: GENERATED_PRIVATE_KEY, privateKeyPem: GENERATED_PRIVATE_KEY, publicKeyPem: GENERATED_PUBLIC_KEY };
    case 'random:index/randomPassword:RandomPassword':
      return { ...inputs, result: GENERATED_REDIS_TOKEN };
    case 'aws:codedeploy/deploymentGroup:DeploymentGroup':
      return { ...common, deploymentGroupName: inputs.deploymentGroupName };
    default:
      return common;
  }
}

/** What the program registered in one run, and ways to look into it. */
export class MockCloud {
  constructor(
    readonly resources: Registered[],
    readonly stack: Stack,
  ) {}

  all(type: string): Registered[] {
    return this.resources.filter((resource) => resource.type === type);
  }

  one(type: string, name: string): Registered {
    const found = this.resources.filter((resource) => resource.type === type && resource.name === name);
    if (found.length !== 1) throw new Error(`${found.length} resources ${type} named ${name}`);
    return found[0];
  }

  has(type: string, name: string): boolean {
    return this.resources.some((resource) => resource.type === type && resource.name === name);
  }

  /** The parsed container definitions of an app's task definition. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  containers(app: string): any[] {
    return JSON.parse(this.one('aws:ecs/taskDefinition:TaskDefinition', app).inputs.containerDefinitions);
  }
}

export function defaultSettings(): StackSettings {
  // A test's stack is a throwaway one: plain HTTP and plain calls unless the test gives a certificate or a CA.
  pulumi.runtime.setConfig('finstack:allowInsecureHttp', 'true');
  pulumi.runtime.setConfig('finstack:allowPlainServiceConnect', 'true');
  return readSettings(new pulumi.Config('finstack'));
}

/**
 * Runs the whole program against mocked providers and returns every resource it
 * registered, once all registrations have settled.
 */
export async function deploy(settings: Partial<StackSettings> = {}): Promise<MockCloud> {
  const resources: Registered[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args: pulumi.runtime.MockResourceArgs) {
        const id = idOf(args.type, args.name);
        const state = computedState(args.type, args.name, args.inputs);
        resources.push({ type: args.type, name: args.name, inputs: args.inputs, id, state });
        return { id, state };
      },
      call(args: pulumi.runtime.MockCallArgs) {
        switch (args.token) {
          case 'aws:index/getAvailabilityZones:getAvailabilityZones':
            return { names: [`${REGION}a`, `${REGION}b`, `${REGION}c`], zoneIds: ['euw1-az1', 'euw1-az2', 'euw1-az3'] };
          case 'aws:index/getCallerIdentity:getCallerIdentity':
            return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/deployer`, userId: 'AIDEXAMPLE', id: ACCOUNT };
          case 'aws:index/getRegion:getRegion':
            return { name: REGION, region: REGION, id: REGION };
          default:
            throw new Error(`unexpected call ${args.token}`);
        }
      },
    },
    'finstack',
    'test',
    false,
  );
  const stack = createStack({ ...defaultSettings(), ...settings });
  await pulumi.runtime.disconnect();
  return new MockCloud(resources, stack);
}

/** The value of an output, once known. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}
