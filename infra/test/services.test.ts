import { APP_NAMES, APPS, callersOf } from '../src/apps';
import {
  DATABASE_SECRET_ARN,
  deploy,
  GENERATED_PRIVATE_KEY,
  GENERATED_PUBLIC_KEY,
  GENERATED_REDIS_TOKEN,
  idOf,
  MockCloud,
  mockServiceKey,
} from './support/mock-cloud';
import { T } from './support/types';

const privateSubnets = [idOf(T.subnet, 'private-0'), idOf(T.subnet, 'private-1')];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Container = any;

function variables(container: Container): Record<string, string> {
  return Object.fromEntries(container.environment.map((v: { name: string; value: string }) => [v.name, v.value]));
}
function secrets(container: Container): Record<string, string> {
  return Object.fromEntries(container.secrets.map((v: { name: string; valueFrom: string }) => [v.name, v.valueFrom]));
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function policyOf(cloud: MockCloud, name: string): any {
  return JSON.parse(cloud.one(T.rolePolicy, name).inputs.policy);
}

describe('services', () => {
  let cloud: MockCloud;
  beforeAll(async () => {
    cloud = await deploy({ logRetentionDays: 14 });
  });

  it('run every app as a Fargate service in the private subnets, without a public IP, in its own security group', () => {
    expect(cloud.all(T.service).map((s) => s.name).sort()).toEqual([...APP_NAMES].sort());
    for (const app of APP_NAMES) {
      const service = cloud.one(T.service, app).inputs;
      expect(service.launchType).toBe('FARGATE');
      expect(service.networkConfiguration).toEqual({
        assignPublicIp: false,
        subnets: privateSubnets,
        securityGroups: [idOf(T.securityGroup, `${app}-tasks`)],
      });
      expect(service.cluster).toBe(cloud.one(T.cluster, 'finstack').state.arn);
    }
  });

  it('roll a failed deployment back through the circuit breaker', () => {
    for (const app of APP_NAMES) {
      const service = cloud.one(T.service, app).inputs;
      expect(service.deploymentController).toEqual({ type: 'ECS' });
      expect(service.deploymentCircuitBreaker).toEqual({ enable: true, rollback: true });
    }
  });

  it('attach the gateway and notifications to their target groups, the others to none', () => {
    expect(cloud.one(T.service, 'gateway').inputs.loadBalancers).toEqual([
      { targetGroupArn: cloud.one(T.targetGroup, 'gateway').state.arn, containerName: 'gateway', containerPort: 3000 },
    ]);
    expect(cloud.one(T.service, 'notifications').inputs.loadBalancers).toEqual([
      { targetGroupArn: cloud.one(T.targetGroup, 'notifications').state.arn, containerName: 'notifications', containerPort: 3001 },
    ]);
    for (const app of ['trx-crud', 'classifier', 'report', 'portfolio', 'var']) {
      expect(cloud.one(T.service, app).inputs.loadBalancers).toBeUndefined();
    }
  });

  it('run the image built from docker/Dockerfile with APP=<app>', () => {
    for (const app of APP_NAMES) {
      const image = cloud.one(T.image, app).inputs;
      expect(image.dockerfile).toMatch(/\/docker\/Dockerfile$/);
      expect(image.args).toEqual({ APP: app });
      expect(image.repositoryUrl).toBe(cloud.one('aws:ecr/repository:Repository', app).state.repositoryUrl);
      expect(cloud.containers(app)[0].image).toBe(cloud.one(T.image, app).state.imageUri);
    }
  });

  it('give each task its CPU and memory, and the app container a health check', () => {
    for (const app of APP_NAMES) {
      const task = cloud.one(T.taskDefinition, app).inputs;
      expect(task).toMatchObject({
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: String(APPS[app].size.cpu),
        memory: String(APPS[app].size.memory),
      });
      const [container] = cloud.containers(app);
      expect(container.name).toBe(app);
      expect(container.essential).toBe(true);
      expect(container.healthCheck.command).toEqual(['CMD', 'node', 'dist/scripts/healthcheck.js']);
    }
  });

  it('cap each app’s heap below its task’s memory, leaving room for the collector and native memory', () => {
    for (const app of APP_NAMES) {
      const memory = APPS[app].size.memory;
      const heap = Number(/--max-old-space-size=(\d+)/.exec(variables(cloud.containers(app)[0]).NODE_OPTIONS)?.[1]);
      expect(heap).toBeGreaterThanOrEqual(memory / 2 - 128);
      expect(heap).toBeLessThanOrEqual(memory - 128 - 64);
    }
    // Notifications keeps every socket in its heap: 10,000 at 15–18 KB each must fit.
    expect(Number(/--max-old-space-size=(\d+)/.exec(variables(cloud.containers('notifications')[0]).NODE_OPTIONS)?.[1])).toBeGreaterThanOrEqual(512);
  });

  it('send every container’s output to the app’s CloudWatch log group, kept as configured', () => {
    for (const app of APP_NAMES) {
      const group = cloud.one(T.logGroup, app);
      expect(group.inputs.retentionInDays).toBe(14);
      for (const container of cloud.containers(app)) {
        expect(container.logConfiguration).toEqual({
          logDriver: 'awslogs',
          options: { 'awslogs-group': group.inputs.name, 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': container.name },
        });
      }
    }
  });

  it('run an OpenTelemetry collector beside every app, exporting to X-Ray, with its own health check', () => {
    for (const app of APP_NAMES) {
      const [container, collector] = cloud.containers(app);
      expect(collector).toMatchObject({
        name: 'otel-collector',
        image: expect.stringMatching(/^public\.ecr\.aws\/aws-observability\/aws-otel-collector:/),
        essential: false,
        healthCheck: expect.objectContaining({ command: ['CMD', '/healthcheck'] }),
      });
      expect(variables(container).OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://localhost:4318');
      // 10 % of the traces requests start, by default; a call follows its caller's decision.
      expect(variables(container)).toMatchObject({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' });
      const taskPolicy = policyOf(cloud, `${app}-task`);
      expect(taskPolicy.Statement[0]).toMatchObject({ Effect: 'Allow', Action: expect.arrayContaining(['xray:PutTraceSegments']) });
      expect(cloud.one(T.taskDefinition, app).inputs.taskRoleArn).toBe(cloud.one(T.role, `${app}-task`).state.arn);
    }
  });

  describe('secrets', () => {
    it('never put a password, a private key or the Redis token in a plain variable', () => {
      for (const app of APP_NAMES) {
        const definitions = cloud.one(T.taskDefinition, app).inputs.containerDefinitions;
        expect(typeof definitions).toBe('string'); // a secret inside would have made the whole document secret
        expect(definitions).not.toContain('MOCK-ES256-PRIVATE-KEY');
        expect(definitions).not.toContain('-service-key-PRIVATE');
        expect(definitions).not.toContain(GENERATED_REDIS_TOKEN);
        const plain = variables(cloud.containers(app)[0]);
        for (const name of ['DATABASE_PASSWORD', 'JWT_PRIVATE_KEY', 'SERVICE_PRIVATE_KEY', 'REDIS_URL', 'QUOTES_INGEST_API_KEY', 'S3_SECRET_ACCESS_KEY']) {
          expect(plain[name]).toBeUndefined();
        }
        if (plain.DATABASE_URL) expect(plain.DATABASE_URL).toMatch(/^mysql:\/\/[a-z]+_app@[^:@/]+:3306\/\w+$/);
      }
      expect(GENERATED_PRIVATE_KEY).toContain('MOCK-ES256-PRIVATE-KEY');
    });

    it('hand them over from Secrets Manager when the task starts', () => {
      const arn = (secret: string) => cloud.one(T.secret, secret).state.arn;
      const ownUser = (app: string) => `${arn(`${app}-database-user`)}:password::`;
      const ownKey = (app: string) => arn(`${app}-service-key`);
      expect(secrets(cloud.containers('gateway')[0])).toEqual({
        DATABASE_PASSWORD: ownUser('gateway'),
        JWT_PRIVATE_KEY: arn('jwt-private-key'),
        SERVICE_PRIVATE_KEY: ownKey('gateway'),
        REDIS_URL: arn('redis-url'),
      });
      expect(secrets(cloud.containers('notifications')[0])).toEqual({ SERVICE_PRIVATE_KEY: ownKey('notifications'), REDIS_URL: arn('redis-url') });
      expect(secrets(cloud.containers('var')[0])).toEqual({ DATABASE_PASSWORD: ownUser('var'), SERVICE_PRIVATE_KEY: ownKey('var'), REDIS_URL: arn('redis-url') });
      for (const app of ['trx-crud', 'classifier', 'portfolio']) {
        expect(secrets(cloud.containers(app)[0])).toEqual({ DATABASE_PASSWORD: ownUser(app), SERVICE_PRIVATE_KEY: ownKey(app) });
      }
      expect(secrets(cloud.containers('report')[0])).toEqual({ SERVICE_PRIVATE_KEY: ownKey('report') });
      for (const app of APP_NAMES) {
        for (const valueFrom of Object.values(secrets(cloud.containers(app)[0]))) expect(valueFrom).toMatch(/^arn:aws:secretsmanager:/);
      }
    });

    it('let each execution role read only its own app’s secrets, and none the RDS master secret', () => {
      const arn = (secret: string) => cloud.one(T.secret, secret).state.arn;
      const readable = (app: string) =>
        cloud.has(T.rolePolicy, `${app}-execution-secrets`) ? policyOf(cloud, `${app}-execution-secrets`).Statement[0].Resource.sort() : [];
      expect(readable('gateway')).toEqual([arn('gateway-database-user'), arn('jwt-private-key'), arn('gateway-service-key'), arn('redis-url')].sort());
      expect(readable('notifications')).toEqual([arn('notifications-service-key'), arn('redis-url')].sort());
      expect(readable('trx-crud')).toEqual([arn('trx-crud-database-user'), arn('trx-crud-service-key')].sort());
      expect(readable('report')).toEqual([arn('report-service-key')]);
      for (const app of APP_NAMES) expect(readable(app)).not.toContain(DATABASE_SECRET_ARN);
    });

    it('give the access-token public key to every app as plain configuration: each service verifies the user token it is sent', () => {
      for (const app of APP_NAMES) expect(variables(cloud.containers(app)[0]).JWT_PUBLIC_KEY).toBe(GENERATED_PUBLIC_KEY);
    });

    it('give each app the service-token public keys of its callers in the call graph, and of no other app', () => {
      for (const app of APP_NAMES) {
        const accepted = JSON.parse(variables(cloud.containers(app)[0]).SERVICE_PUBLIC_KEYS) as Record<string, string>;
        expect(Object.keys(accepted).sort()).toEqual(callersOf(app).sort());
        for (const caller of callersOf(app)) expect(accepted[caller]).toBe(mockServiceKey(`${caller}-service-key`, 'PUBLIC'));
      }
      expect(Object.keys(JSON.parse(variables(cloud.containers('portfolio')[0]).SERVICE_PUBLIC_KEYS)).sort()).toEqual(
        ['gateway', 'notifications', 'var'],
      );
    });
  });

  describe('Service Connect', () => {
    it('names every TCP service in the cluster’s namespace under its app name and port', () => {
      const namespaceArn = cloud.one(T.namespace, 'services').state.arn;
      expect(cloud.one(T.cluster, 'finstack').inputs.serviceConnectDefaults).toEqual({ namespace: namespaceArn });
      for (const app of APP_NAMES) {
        const connect = cloud.one(T.service, app).inputs.serviceConnectConfiguration;
        expect(connect).toMatchObject({ enabled: true, namespace: namespaceArn });
        const tcp = APPS[app].tcp;
        expect(connect.services ?? []).toEqual(tcp ? [{ portName: 'rpc', discoveryName: app, clientAlias: [{ port: tcp.port, dnsName: app }] }] : []);
        const [container] = cloud.containers(app);
        if (tcp) expect(container.portMappings).toContainEqual({ name: 'rpc', containerPort: tcp.port, protocol: 'tcp' });
      }
    });

    it('point each caller at the names and ports its services are published under', () => {
      const published = new Map<string, number>();
      for (const app of APP_NAMES) {
        for (const entry of cloud.one(T.service, app).inputs.serviceConnectConfiguration.services ?? []) {
          for (const alias of entry.clientAlias) published.set(alias.dnsName, alias.port);
        }
      }
      for (const app of APP_NAMES) {
        const plain = variables(cloud.containers(app)[0]);
        for (const called of APPS[app].calls) {
          const tcp = APPS[called].tcp!;
          expect(published.get(plain[tcp.hostVariable])).toBe(Number(plain[tcp.portVariable]));
        }
      }
      expect(variables(cloud.containers('gateway')[0])).toMatchObject({ TRX_CRUD_HOST: 'trx-crud', NOTIFICATIONS_HOST: 'notifications' });
    });

    it('bind each app on all interfaces of its task, on its own ports', () => {
      expect(variables(cloud.containers('gateway')[0])).toMatchObject({ HTTP_HOST: '0.0.0.0', PORT: '3000', TRUST_PROXY_HOPS: '1' });
      expect(variables(cloud.containers('trx-crud')[0])).toMatchObject({ TRX_CRUD_HOST: '0.0.0.0', TRX_CRUD_PORT: '4001' });
      expect(variables(cloud.containers('notifications')[0])).toMatchObject({
        HTTP_HOST: '0.0.0.0',
        NOTIFICATIONS_PORT: '3001',
        NOTIFICATIONS_HOST: '0.0.0.0',
        NOTIFICATIONS_TCP_PORT: '4006',
      });
    });
  });

  it('connect each app with a database to its own schema on the one RDS instance', () => {
    const host = cloud.one(T.database, 'database').state.address;
    const schemas = Object.fromEntries(
      APP_NAMES.map((app) => [app, variables(cloud.containers(app)[0]).DATABASE_URL?.replace(new RegExp(`^mysql://\\w+_app@${host}:3306/`), '')]),
    );
    expect(schemas).toEqual({
      gateway: 'identity',
      'trx-crud': 'ledger',
      classifier: 'classifier',
      report: undefined,
      portfolio: 'portfolio',
      var: 'var',
      notifications: undefined,
    });
  });

  it('give the var service the price bucket on S3 by its task role, without keys', () => {
    const plain = variables(cloud.containers('var')[0]);
    expect(plain).toMatchObject({ OBJECT_STORE: 's3', S3_BUCKET: cloud.one(T.bucket, 'prices').state.bucket, S3_REGION: 'eu-west-1' });
    expect(plain.S3_ACCESS_KEY_ID).toBeUndefined();
    const bucketArn = cloud.one(T.bucket, 'prices').state.arn;
    expect(policyOf(cloud, 'var-task').Statement).toEqual(
      expect.arrayContaining([
        { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: bucketArn },
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${bucketArn}/*` },
      ]),
    );
    for (const app of APP_NAMES.filter((name) => name !== 'var')) {
      expect(JSON.stringify(policyOf(cloud, `${app}-task`))).not.toContain('s3:');
    }
  });
});

describe('service sizes from the stack config', () => {
  it('override one app’s CPU and memory and leave the others at their defaults', async () => {
    const cloud = await deploy({
      apps: {
        ...Object.fromEntries(APP_NAMES.map((app) => [app, { ...APPS[app].size, minCapacity: 1, maxCapacity: 10 }])),
        var: { cpu: 4096, memory: 8192, minCapacity: 1, maxCapacity: 10 },
      } as never,
    });
    expect(cloud.one(T.taskDefinition, 'var').inputs).toMatchObject({ cpu: '4096', memory: '8192' });
    expect(cloud.one(T.taskDefinition, 'report').inputs).toMatchObject({ cpu: '256', memory: '512' });
  });
});

describe('Service Connect with a Private CA', () => {
  const CA = 'arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/0123';

  it('wraps every call between the tasks in TLS, with certificates the CA issues through ECS’s own role', async () => {
    const cloud = await deploy({ serviceConnectCaArn: CA, allowPlainServiceConnect: false });
    const role = cloud.one(T.role, 'service-connect-tls');
    expect(JSON.parse(role.inputs.assumeRolePolicy).Statement[0].Principal).toEqual({ Service: 'ecs.amazonaws.com' });
    expect(cloud.one(T.rolePolicyAttachment, 'service-connect-tls').inputs.policyArn).toMatch(/ServiceConnectTransportLayerSecurity$/);
    for (const app of APP_NAMES) {
      if (!APPS[app].tcp) continue;
      const [published] = cloud.one(T.service, app).inputs.serviceConnectConfiguration.services;
      expect(published.tls).toEqual({ issuerCertAuthority: { awsPcaAuthorityArn: CA }, roleArn: role.state.arn });
    }
  });
});
