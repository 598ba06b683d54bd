import { createServiceKeys, publicKeysOfCallers } from './service-keys';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { APP_NAMES, APPS, AppName } from './apps';
import { appEnvironment } from './app-environment';
import { createAutoscaling } from './autoscaling';
import { createCluster, NAMESPACE_NAME } from './cluster';
import { METRICS_NAMESPACE, VAR_JOB_QUEUE } from './collector-config';
import { createDatabase } from './database';
import { createDatabaseUsers } from './database-users';
import { createGatewayDeployment, GatewayDeployment } from './gateway-deployment';
import { appImage } from './images';
import { createLoadBalancing, listenerPorts } from './load-balancer';
import { createNetwork } from './network';
import { createPriceBucket, PRICE_BUCKET_ACTIONS, restrictPriceBucket } from './price-bucket';
import { createRedis } from './redis';
import { createAppSecrets } from './secrets';
import { createSecretsKey, restrictSecretsKey, SEALED_SECRET_PURPOSES } from './secrets-key';
import { createSecurityGroups } from './security-groups';
import { sesSendStatement } from './mail';
import { createMonitoring, Monitoring } from './monitoring';
import { AppService, createAppService, createServiceConnectTlsRole, metricsLogGroupName } from './service';
import { StackSettings, usesCodeDeploy } from './settings';

export interface Stack {
  url: pulumi.Output<string>;
  services: Record<AppName, AppService>;
  repositoryUrls: Record<AppName, pulumi.Output<string>>;
  clusterName: pulumi.Output<string>;
  priceBucket: pulumi.Output<string>;
  secretsKeyArn: pulumi.Output<string>;
  databaseEndpoint: pulumi.Output<string>;
  gatewayDeployment?: GatewayDeployment;
  monitoring: Monitoring;
}

/** Every resource of the deployment, wired together; `index.ts` only reads the config and exports. */
export function createStack(settings: StackSettings): Stack {
  const region = aws.getRegionOutput().region;
  const network = createNetwork();
  const groups = createSecurityGroups(network, listenerPorts(settings), settings.testListenerCidrs);
  const balancing = createLoadBalancing(network, groups, settings);
  const { cluster, namespace } = createCluster(network);
  const database = createDatabase(network, groups, settings);
  const redis = createRedis(network, groups, settings);
  const prices = createPriceBucket();
  const secrets = createAppSecrets(settings);
  const serviceKeys = createServiceKeys();
  const secretsKey = createSecretsKey();
  const codeDeploy = usesCodeDeploy(settings);
  const metricsLogGroup = new aws.cloudwatch.LogGroup('metrics', { name: metricsLogGroupName(), retentionInDays: settings.logRetentionDays });

  // A CodeDeploy-managed gateway has no Service Connect: it finds the TCP services by DNS instead.
  const dnsRegistries: Partial<Record<AppName, aws.servicediscovery.Service>> = {};
  if (codeDeploy) {
    for (const called of APPS.gateway.calls) {
      dnsRegistries[called] = new aws.servicediscovery.Service(`${called}-dns`, {
        name: dnsLabelOf(called),
        dnsConfig: { namespaceId: namespace.id, routingPolicy: 'MULTIVALUE', dnsRecords: [{ type: 'A', ttl: 10 }] },
        healthCheckCustomConfig: {},
      });
    }
  }
  const hostsFor = (caller: AppName) => (called: AppName) =>
    caller === 'gateway' && codeDeploy ? `${dnsLabelOf(called)}.${NAMESPACE_NAME}` : called;

  const images = Object.fromEntries(APP_NAMES.map((name) => [name, appImage(name)])) as Record<AppName, ReturnType<typeof appImage>>;
  // The gateway's image carries every script, the database users' one among them.
  const databaseUsers = createDatabaseUsers(settings, { network, groups, cluster: { cluster, namespace }, database, image: images.gateway.imageUri, region });

  const serviceConnectTlsRole = settings.serviceConnectCaArn ? createServiceConnectTlsRole() : undefined;
  const services = {} as Record<AppName, AppService>;
  const repositoryUrls = {} as Record<AppName, pulumi.Output<string>>;
  for (const name of APP_NAMES) {
    const { repository, imageUri } = images[name];
    repositoryUrls[name] = repository.repositoryUrl;
    const environment = appEnvironment(name, {
      region,
      hostOf: hostsFor(name),
      databaseHost: database.host,
      databaseUsers: databaseUsers.users,
      jwtPrivateKeySecretArn: secrets.jwtPrivateKey.arn,
      jwtPublicKey: secrets.jwtPublicKey,
      serviceKey: { privateKeySecretArn: serviceKeys.privateKeySecret[name].arn, callerPublicKeys: publicKeysOfCallers(name, serviceKeys) },
      quotesIngestApiKeySecretArn: secrets.quotesIngestApiKey?.arn,
      marketDataApiKeySecretArn: secrets.marketDataApiKey?.arn,
      secretsKeyArn: secretsKey.arn,
      redisUrlSecretArn: redis.urlSecret.arn,
      priceBucket: prices.bucket.bucket,
      operatorEmails: settings.operatorEmails,
      mail: settings.mail,
      traceSampleRatio: settings.traceSampleRatio,
    });
    services[name] = createAppService(name, {
      settings,
      network,
      groups,
      cluster: { cluster, namespace },
      region,
      image: imageUri,
      environment,
      targetGroup: name === 'gateway' ? balancing.gatewayTargetGroup : name === 'notifications' ? balancing.notificationsTargetGroup : undefined,
      taskStatements:
        name === 'var' ? priceBucketStatements(prices.bucket) : name === 'gateway' && settings.mail ? [sesSendStatement(settings.mail, region)] : undefined,
      deploymentController: name === 'gateway' && codeDeploy ? 'CODE_DEPLOY' : 'ECS',
      dnsRegistry: dnsRegistries[name],
      metricsLogGroup,
      serviceConnectTlsRole,
      // An app with a schema must not start before its user exists.
      dependsOn: APPS[name].schema ? [databaseUsers.provisioned] : [],
    });
    createAutoscaling(
      name,
      cluster,
      services[name].service,
      settings.apps[name],
      name === 'gateway'
        ? {
            // Under CodeDeploy this names the blue target group, which carries production traffic every
            // other deployment; while it idles the policy reads zero and leaves scaling to CPU (scaling
            // in needs every policy to agree).
            resourceLabel: pulumi.interpolate`${balancing.loadBalancer.arnSuffix}/${balancing.gatewayTargetGroup.arnSuffix}`,
            requestsPerTarget: settings.gatewayRequestsPerTarget,
          }
        : undefined,
      name === 'var'
        ? {
            waiting: { namespace: METRICS_NAMESPACE, metricName: 'finstack_job_queue_jobs', dimensions: { app: 'var', queue: VAR_JOB_QUEUE, state: 'waiting' } },
            clusterName: cluster.name,
            serviceName: services[name].service.name,
            jobsPerTask: settings.varJobsPerTask,
          }
        : undefined,
    );
  }
  restrictPriceBucket(prices, services.var.roles.task.arn);
  restrictSecretsKey(
    secretsKey,
    Object.fromEntries(Object.keys(SEALED_SECRET_PURPOSES).map((app) => [app, services[app as AppName].roles.task.arn])),
  );

  const gatewayDeployment = codeDeploy ? createGatewayDeployment(settings, cluster, services.gateway.service, balancing) : undefined;
  const monitoring = createMonitoring(settings, balancing, database);
  return {
    url: balancing.url,
    services,
    repositoryUrls,
    clusterName: cluster.name,
    priceBucket: prices.bucket.bucket,
    secretsKeyArn: secretsKey.arn,
    databaseEndpoint: database.instance.endpoint,
    gatewayDeployment,
    monitoring,
  };
}

/** Cloud Map name of a service's task addresses; Service Connect already uses the bare name. */
function dnsLabelOf(app: AppName): string {
  return `${app}-tasks`;
}

function priceBucketStatements(bucket: aws.s3.Bucket): pulumi.Input<Record<string, unknown>>[] {
  return [
    { Effect: 'Allow', Action: PRICE_BUCKET_ACTIONS.bucket, Resource: bucket.arn },
    { Effect: 'Allow', Action: PRICE_BUCKET_ACTIONS.objects, Resource: pulumi.interpolate`${bucket.arn}/*` },
  ];
}
