import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { APPS, AppName } from './apps';
import { AppEnvironment } from './app-environment';
import { Cluster } from './cluster';
import { containerDefinitions } from './container-definitions';
import { Network } from './network';
import { SecurityGroups } from './security-groups';
import { StackSettings } from './settings';
import { createTaskRoles, TaskRoles } from './task-roles';

export interface ServiceSources {
  settings: StackSettings;
  network: Network;
  groups: SecurityGroups;
  cluster: Cluster;
  region: pulumi.Input<string>;
  image: pulumi.Input<string>;
  environment: AppEnvironment;
  /** The target group the load balancer sends this app's HTTP to. */
  targetGroup?: aws.lb.TargetGroup;
  /** The stack's EMF log group, where every task's collector writes the app's metrics. */
  metricsLogGroup: aws.cloudwatch.LogGroup;
  /** Its task role's own permissions beyond X-Ray (var: the price bucket). */
  taskStatements?: pulumi.Input<Record<string, unknown>>[];
  /**
   * `CODE_DEPLOY`: CodeDeploy owns its deployments (task sets). ECS then neither
   * rolls back through the circuit breaker nor gives the service Service Connect.
   */
  deploymentController: 'ECS' | 'CODE_DEPLOY';
  /** In a private DNS namespace as `<name>.finstack.internal`, for callers without Service Connect. */
  dnsRegistry?: aws.servicediscovery.Service;
  /** The role ECS uses to get Service Connect's TLS certificates from the Private CA, when calls are TLS. */
  serviceConnectTlsRole?: aws.iam.Role;
  /** What must exist before its tasks start (its database user). */
  dependsOn?: pulumi.Resource[];
}

export interface AppService {
  service: aws.ecs.Service;
  taskDefinition: aws.ecs.TaskDefinition;
  roles: TaskRoles;
  logGroup: aws.cloudwatch.LogGroup;
}

/**
 * One Fargate service: its log group, roles, task definition and the service in
 * the private subnets without a public IP, in the tasks' security group.
 */
export function createAppService(name: AppName, sources: ServiceSources): AppService {
  const app = APPS[name];
  const size = sources.settings.apps[name];
  const logGroup = new aws.cloudwatch.LogGroup(name, {
    name: `/finstack/${pulumi.getStack()}/${name}`,
    retentionInDays: sources.settings.logRetentionDays,
  });
  const roles = createTaskRoles(name, {
    secretArns: Object.values(sources.environment.secrets).map((reference) => reference.secretArn),
    statements: [
      // The collector's awsemf exporter: its log streams in the stack's metrics group.
      {
        Effect: 'Allow',
        Action: ['logs:PutLogEvents', 'logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:DescribeLogGroups'],
        Resource: [sources.metricsLogGroup.arn, pulumi.interpolate`${sources.metricsLogGroup.arn}:*`],
      },
      ...(sources.taskStatements ?? []),
    ],
  });
  const taskDefinition = new aws.ecs.TaskDefinition(name, {
    family: `finstack-${pulumi.getStack()}-${name}`,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: String(size.cpu),
    memory: String(size.memory),
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
    executionRoleArn: roles.execution.arn,
    taskRoleArn: roles.task.arn,
    containerDefinitions: containerDefinitions(name, {
      image: sources.image,
      taskMemoryMiB: size.memory,
      otelCollectorImage: sources.settings.otelCollectorImage,
      environment: sources.environment,
      logGroup: logGroup.name,
      metricsLogGroup: metricsLogGroupName(),
      region: sources.region,
    }),
  });

  const byCodeDeploy = sources.deploymentController === 'CODE_DEPLOY';
  const service = new aws.ecs.Service(
    name,
    {
      cluster: sources.cluster.cluster.arn,
      taskDefinition: taskDefinition.arn,
      desiredCount: size.minCapacity,
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      networkConfiguration: {
        subnets: sources.network.privateSubnetIds,
        securityGroups: [sources.groups.apps[name].id],
        assignPublicIp: false,
      },
      loadBalancers:
        sources.targetGroup && app.http
          ? [{ targetGroupArn: sources.targetGroup.arn, containerName: name, containerPort: app.http.port }]
          : undefined,
      healthCheckGracePeriodSeconds: sources.targetGroup ? 60 : undefined,
      deploymentController: { type: sources.deploymentController },
      // CodeDeploy rolls back on its own alarms; ECS refuses a circuit breaker on its task sets.
      deploymentCircuitBreaker: byCodeDeploy ? undefined : { enable: true, rollback: true },
      deploymentMinimumHealthyPercent: byCodeDeploy ? undefined : 100,
      deploymentMaximumPercent: byCodeDeploy ? undefined : 200,
      serviceConnectConfiguration: byCodeDeploy ? undefined : serviceConnect(name, sources),
      serviceRegistries: sources.dnsRegistry ? { registryArn: sources.dnsRegistry.arn } : undefined,
      propagateTags: 'SERVICE',
      enableEcsManagedTags: true,
      waitForSteadyState: false,
    },
    {
      dependsOn: sources.dependsOn,
      // Autoscaling owns the task count; under CodeDeploy so do the task definition and target group.
      ignoreChanges: byCodeDeploy ? ['desiredCount', 'taskDefinition', 'loadBalancers'] : ['desiredCount'],
    },
  );
  return { service, taskDefinition, roles, logGroup };
}

/**
 * Service Connect: a client of the namespace, and a server under its own name when it takes TCP calls,
 * with TLS between the proxies when the stack has a Private CA.
 */
function serviceConnect(name: AppName, sources: ServiceSources): aws.types.input.ecs.ServiceServiceConnectConfiguration {
  const tcp = APPS[name].tcp;
  const caArn = sources.settings.serviceConnectCaArn;
  const tls =
    caArn && sources.serviceConnectTlsRole
      ? { issuerCertAuthority: { awsPcaAuthorityArn: caArn }, roleArn: sources.serviceConnectTlsRole.arn }
      : undefined;
  return {
    enabled: true,
    namespace: sources.cluster.namespace.arn,
    services: tcp ? [{ portName: 'rpc', discoveryName: name, clientAlias: [{ port: tcp.port, dnsName: name }], tls }] : [],
  };
}

/** The infrastructure role ECS takes to issue and renew Service Connect's certificates (AWS's managed policy for it). */
export function createServiceConnectTlsRole(): aws.iam.Role {
  const role = new aws.iam.Role('service-connect-tls', {
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  });
  new aws.iam.RolePolicyAttachment('service-connect-tls', {
    role: role.name,
    policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity',
  });
  return role;
}

/** The stack's one log group of EMF metrics, named as the app log groups are. */
export function metricsLogGroupName(): string {
  return `/finstack/${pulumi.getStack()}/metrics`;
}
