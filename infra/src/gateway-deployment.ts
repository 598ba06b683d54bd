import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { APPS } from './apps';
import { LoadBalancing } from './load-balancer';
import { StackSettings } from './settings';

/** How CodeDeploy shifts the gateway's traffic in each mode. */
export const DEPLOYMENT_CONFIGS = {
  'blue-green': 'CodeDeployDefault.ECSAllAtOnce',
  canary: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
} as const;

export interface GatewayDeployment {
  application: aws.codedeploy.Application;
  group: aws.codedeploy.DeploymentGroup;
  /** Alarms that stop a deployment and roll it back: 5xx rate and p99 latency of each target group. */
  alarms: aws.cloudwatch.MetricAlarm[];
  /** The AppSpec that deploys a task definition revision (README "Deploy to AWS"). */
  appSpec: (taskDefinitionArn: pulumi.Input<string>) => pulumi.Output<string>;
}

/**
 * CodeDeploy blue/green for the gateway: a replacement task set registers in the
 * green target group behind the test listener, then production traffic moves to
 * it, all at once (`blue-green`) or 10 % for 5 minutes first (`canary`). A 5xx
 * rate or p99 latency alarm on either target group stops the deployment and
 * sends traffic back to the original task set.
 */
export function createGatewayDeployment(
  settings: StackSettings,
  cluster: aws.ecs.Cluster,
  service: aws.ecs.Service,
  balancing: LoadBalancing,
): GatewayDeployment {
  if (settings.gatewayDeployment === 'rolling') throw new Error('a rolling gateway has no CodeDeploy deployment');
  const green = balancing.gatewayReplacementTargetGroup;
  const testListener = balancing.testListener;
  if (!green || !testListener) throw new Error('CodeDeploy needs the green target group and the test listener');
  const blue = balancing.gatewayTargetGroup;

  const alarms = [
    ...rollbackAlarms('blue', blue, balancing.loadBalancer, settings),
    ...rollbackAlarms('green', green, balancing.loadBalancer, settings),
  ];
  const role = new aws.iam.Role('gateway-codedeploy', {
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'codedeploy.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  });
  new aws.iam.RolePolicyAttachment('gateway-codedeploy', { role: role.name, policyArn: 'arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS' });

  const application = new aws.codedeploy.Application('gateway', { computePlatform: 'ECS' });
  const group = new aws.codedeploy.DeploymentGroup('gateway', {
    appName: application.name,
    deploymentGroupName: 'gateway',
    serviceRoleArn: role.arn,
    deploymentConfigName: DEPLOYMENT_CONFIGS[settings.gatewayDeployment],
    deploymentStyle: { deploymentOption: 'WITH_TRAFFIC_CONTROL', deploymentType: 'BLUE_GREEN' },
    blueGreenDeploymentConfig: {
      deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' },
      terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 },
    },
    ecsService: { clusterName: cluster.name, serviceName: service.name },
    loadBalancerInfo: {
      targetGroupPairInfo: {
        prodTrafficRoute: { listenerArns: [balancing.productionListener.arn] },
        testTrafficRoute: { listenerArns: [testListener.arn] },
        targetGroups: [{ name: blue.name }, { name: green.name }],
      },
    },
    autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'] },
    alarmConfiguration: { enabled: true, alarms: alarms.map((alarm) => alarm.name) },
  });

  const appSpec = (taskDefinitionArn: pulumi.Input<string>) =>
    pulumi.jsonStringify({
      version: 0.0,
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: {
              TaskDefinition: taskDefinitionArn,
              LoadBalancerInfo: { ContainerName: 'gateway', ContainerPort: APPS.gateway.http!.port },
            },
          },
        },
      ],
    });
  return { application, group, alarms, appSpec };
}

function rollbackAlarms(
  color: string,
  targetGroup: aws.lb.TargetGroup,
  loadBalancer: aws.lb.LoadBalancer,
  settings: StackSettings,
): aws.cloudwatch.MetricAlarm[] {
  const dimensions = { LoadBalancer: loadBalancer.arnSuffix, TargetGroup: targetGroup.arnSuffix };
  const metric = (metricName: string) => ({ namespace: 'AWS/ApplicationELB', metricName, dimensions, period: 60, stat: 'Sum' });
  const errorRate = new aws.cloudwatch.MetricAlarm(`gateway-5xx-rate-${color}`, {
    alarmDescription: `gateway (${color}): more than ${settings.rollbackAlarms.http5xxPercent} % of requests answered 5xx`,
    comparisonOperator: 'GreaterThanThreshold',
    threshold: settings.rollbackAlarms.http5xxPercent,
    evaluationPeriods: 2,
    datapointsToAlarm: 2,
    treatMissingData: 'notBreaching',
    metricQueries: [
      { id: 'errors', metric: metric('HTTPCode_Target_5XX_Count'), returnData: false },
      { id: 'requests', metric: metric('RequestCount'), returnData: false },
      { id: 'rate', expression: 'IF(requests > 0, 100 * errors / requests, 0)', label: '5xx %', returnData: true },
    ],
  });
  const latency = new aws.cloudwatch.MetricAlarm(`gateway-p99-latency-${color}`, {
    alarmDescription: `gateway (${color}): p99 response time above ${settings.rollbackAlarms.p99LatencyMs} ms`,
    namespace: 'AWS/ApplicationELB',
    metricName: 'TargetResponseTime',
    dimensions,
    extendedStatistic: 'p99',
    period: 60,
    comparisonOperator: 'GreaterThanThreshold',
    threshold: settings.rollbackAlarms.p99LatencyMs / 1000,
    evaluationPeriods: 2,
    datapointsToAlarm: 2,
    treatMissingData: 'notBreaching',
  });
  return [errorRate, latency];
}
