import { APP_NAMES } from '../src/apps';
import { deploy, MockCloud } from './support/mock-cloud';
import { isSecret, T } from './support/types';

describe('autoscaling', () => {
  let cloud: MockCloud;
  beforeAll(async () => {
    cloud = await deploy();
  });

  it('scales every service between 1 and 10 tasks by default', () => {
    const clusterName = cloud.one(T.cluster, 'finstack').state.name;
    for (const app of APP_NAMES) {
      expect(cloud.one(T.scalingTarget, app).inputs).toMatchObject({
        serviceNamespace: 'ecs',
        scalableDimension: 'ecs:service:DesiredCount',
        resourceId: `service/${clusterName}/${cloud.one(T.service, app).state.name}`,
        minCapacity: 1,
        maxCapacity: 10,
      });
      expect(cloud.one(T.service, app).inputs.desiredCount).toBe(1);
    }
  });

  it('tracks 60 % CPU on every service', () => {
    for (const app of APP_NAMES) {
      const policy = cloud.one(T.scalingPolicy, `${app}-cpu`).inputs;
      expect(policy.policyType).toBe('TargetTrackingScaling');
      expect(policy.resourceId).toBe(cloud.one(T.scalingTarget, app).inputs.resourceId);
      expect(policy.targetTrackingScalingPolicyConfiguration).toMatchObject({
        predefinedMetricSpecification: { predefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        targetValue: 60,
      });
    }
  });

  it('scales var on its queue: the waiting VaR jobs per running task, at the configured target', () => {
    const backlogPolicies = cloud.all(T.scalingPolicy).filter((p) => p.name.endsWith('-queue-backlog'));
    expect(backlogPolicies.map((p) => p.name)).toEqual(['var-queue-backlog']);
    const config = backlogPolicies[0].inputs.targetTrackingScalingPolicyConfiguration;
    expect(backlogPolicies[0].inputs.resourceId).toBe(cloud.one(T.scalingTarget, 'var').inputs.resourceId);
    expect(config.targetValue).toBe(2);
    const [waiting, tasks, perTask] = config.customizedMetricSpecification.metrics;
    expect(waiting.metricStat).toEqual({
      metric: {
        namespace: 'finstack',
        metricName: 'finstack_job_queue_jobs',
        dimensions: [
          { name: 'app', value: 'var' },
          { name: 'queue', value: 'var-runs' },
          { name: 'state', value: 'waiting' },
        ],
      },
      stat: 'Maximum',
    });
    expect(tasks.metricStat.metric).toEqual({
      namespace: 'ECS/ContainerInsights',
      metricName: 'RunningTaskCount',
      dimensions: [
        { name: 'ClusterName', value: cloud.one(T.cluster, 'finstack').state.name },
        { name: 'ServiceName', value: cloud.one(T.service, 'var').state.name },
      ],
    });
    expect(perTask).toMatchObject({ expression: 'waiting / tasks', returnData: true });
    expect([waiting.returnData, tasks.returnData]).toEqual([false, false]);
  });

  it('gives var the Redis of its job queue, from the secret, as notifications has it', () => {
    const secretsOf = (app: string) => cloud.containers(app)[0].secrets.map((s: { name: string; valueFrom: string }) => [s.name, s.valueFrom]);
    const redis = secretsOf('notifications').find(([name]: string[]) => name === 'REDIS_URL');
    expect(secretsOf('var')).toContainEqual(redis);
  });

  it('tracks requests per target on the gateway only', () => {
    const requestPolicies = cloud.all(T.scalingPolicy).filter((p) => p.name.endsWith('-requests'));
    expect(requestPolicies.map((p) => p.name)).toEqual(['gateway-requests']);
    const alb = cloud.one(T.loadBalancer, 'public').state.arnSuffix;
    const group = cloud.one(T.targetGroup, 'gateway').state.arnSuffix;
    expect(requestPolicies[0].inputs.targetTrackingScalingPolicyConfiguration).toMatchObject({
      predefinedMetricSpecification: { predefinedMetricType: 'ALBRequestCountPerTarget', resourceLabel: `${alb}/${group}` },
      targetValue: 1000,
    });
  });
});

describe('data stores', () => {
  let cloud: MockCloud;
  beforeAll(async () => {
    cloud = await deploy();
  });

  it('run MySQL 8.4 LTS on RDS Multi-AZ, encrypted, private, with a password RDS manages and 7 days of backups', () => {
    const database = cloud.one(T.database, 'database').inputs;
    expect(database).toMatchObject({
      engine: 'mysql',
      // 8.0 left RDS standard support on 2026-07-31; 8.4 is the LTS line.
      engineVersion: '8.4',
      multiAz: true,
      storageEncrypted: true,
      publiclyAccessible: false,
      manageMasterUserPassword: true,
      backupRetentionPeriod: 7,
      deletionProtection: true,
      skipFinalSnapshot: false,
    });
    expect(database.password).toBeUndefined();
    expect(cloud.one('aws:rds/subnetGroup:SubnetGroup', 'database').inputs.subnetIds).toEqual(['private-0@aws:ec2/subnet:Subnet', 'private-1@aws:ec2/subnet:Subnet']);
  });

  it('run Redis encrypted at rest and in transit, with a replica in the other zone and automatic failover', () => {
    const redis = cloud.one(T.redis, 'redis').inputs;
    expect(redis).toMatchObject({
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
      multiAzEnabled: true,
      automaticFailoverEnabled: true,
      numCacheClusters: 2,
    });
    expect(isSecret(redis.authToken)).toBe(true);
    expect(cloud.one('aws:elasticache/subnetGroup:SubnetGroup', 'redis').inputs.subnetIds).toEqual(['private-0@aws:ec2/subnet:Subnet', 'private-1@aws:ec2/subnet:Subnet']);
  });

  it('keep the Redis URL (TLS, with its token) and the JWT signing key only as secrets', () => {
    const redisUrl = cloud.one(T.secretVersion, 'redis-url').inputs.secretString;
    expect(isSecret(redisUrl)).toBe(true);
    expect(redisUrl.value).toMatch(/^rediss:\/\/:[A-Za-z0-9]+@master\.redis\..+:6379$/);
    const signingKey = cloud.one(T.secretVersion, 'jwt-private-key').inputs.secretString;
    expect(isSecret(signingKey)).toBe(true);
    expect(signingKey.value).toMatch(/BEGIN PRIVATE KEY/);
    expect(cloud.one('tls:index/privateKey:PrivateKey', 'jwt-signing-key').inputs).toMatchObject({ algorithm: 'ECDSA', ecdsaCurve: 'P256' });
  });

  it('keep the price bucket private, versioned and encrypted', () => {
    expect(cloud.one(T.publicAccessBlock, 'prices').inputs).toMatchObject({
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(cloud.one(T.versioning, 'prices').inputs.versioningConfiguration).toEqual({ status: 'Enabled' });
    expect(cloud.one(T.encryption, 'prices').inputs.rules).toEqual([
      expect.objectContaining({ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }),
    ]);
    for (const type of [T.publicAccessBlock, T.versioning, T.encryption, T.bucketPolicy]) {
      expect(cloud.one(type, 'prices').inputs.bucket).toBe(cloud.one(T.bucket, 'prices').id);
    }
  });

  it('deny the bucket’s data to every principal but the var task role, and plain HTTP to all', () => {
    const policy = JSON.parse(cloud.one(T.bucketPolicy, 'prices').inputs.policy);
    const bucketArn = cloud.one(T.bucket, 'prices').state.arn;
    const [onlyVar, tlsOnly] = policy.Statement;
    expect(onlyVar).toMatchObject({
      Effect: 'Deny',
      Principal: '*',
      Action: expect.arrayContaining(['s3:GetObject', 's3:PutObject', 's3:ListBucket']),
      Resource: [bucketArn, `${bucketArn}/*`],
      Condition: { ArnNotEquals: { 'aws:PrincipalArn': cloud.one(T.role, 'var-task').state.arn } },
    });
    expect(tlsOnly).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  });
});
