import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { AppName } from './apps';
import { AppSettings } from './settings';

export const CPU_TARGET_PERCENT = 60;

/** Queue backlog scaling: the jobs waiting per running task the service aims at. */
export interface BacklogScaling {
  /** The custom metric of the jobs waiting (one queue shared by every task, so the same from each). */
  waiting: { namespace: string; metricName: string; dimensions: Record<string, string> };
  clusterName: pulumi.Input<string>;
  serviceName: pulumi.Input<string>;
  jobsPerTask: number;
}

export interface RequestScaling {
  /** `app/<alb>/<id>/targetgroup/<tg>/<id>`: the load balancer's and target group's ARN suffixes. */
  resourceLabel: pulumi.Input<string>;
  requestsPerTarget: number;
}

/**
 * Target tracking on one service: average CPU at 60 %, for the gateway the
 * requests per target as well, and for var the queue's waiting jobs per
 * running task. Scaling out follows whichever policy asks for more tasks;
 * scaling in waits until every policy agrees.
 */
export function createAutoscaling(
  app: AppName,
  cluster: aws.ecs.Cluster,
  service: aws.ecs.Service,
  size: AppSettings,
  requests?: RequestScaling,
  backlog?: BacklogScaling,
): aws.appautoscaling.Target {
  const target = new aws.appautoscaling.Target(app, {
    serviceNamespace: 'ecs',
    scalableDimension: 'ecs:service:DesiredCount',
    resourceId: pulumi.interpolate`service/${cluster.name}/${service.name}`,
    minCapacity: size.minCapacity,
    maxCapacity: size.maxCapacity,
  });
  const tracking = (metric: aws.types.input.appautoscaling.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification, value: number) => ({
    policyType: 'TargetTrackingScaling',
    serviceNamespace: target.serviceNamespace,
    scalableDimension: target.scalableDimension,
    resourceId: target.resourceId,
    targetTrackingScalingPolicyConfiguration: {
      predefinedMetricSpecification: metric,
      targetValue: value,
      scaleInCooldown: 120,
      scaleOutCooldown: 60,
    },
  });
  new aws.appautoscaling.Policy(`${app}-cpu`, tracking({ predefinedMetricType: 'ECSServiceAverageCPUUtilization' }, CPU_TARGET_PERCENT));
  if (requests) {
    new aws.appautoscaling.Policy(
      `${app}-requests`,
      tracking({ predefinedMetricType: 'ALBRequestCountPerTarget', resourceLabel: requests.resourceLabel }, requests.requestsPerTarget),
    );
  }
  if (backlog) {
    new aws.appautoscaling.Policy(`${app}-queue-backlog`, {
      policyType: 'TargetTrackingScaling',
      serviceNamespace: target.serviceNamespace,
      scalableDimension: target.scalableDimension,
      resourceId: target.resourceId,
      targetTrackingScalingPolicyConfiguration: {
        // Metric math: the waiting jobs (Maximum: every task reports the shared queue) over the running tasks (Container Insights).
        customizedMetricSpecification: {
          metrics: [
            {
              id: 'waiting',
              metricStat: { metric: { ...backlog.waiting, dimensions: Object.entries(backlog.waiting.dimensions).map(([name, value]) => ({ name, value })) }, stat: 'Maximum' },
              returnData: false,
            },
            {
              id: 'tasks',
              metricStat: {
                metric: {
                  namespace: 'ECS/ContainerInsights',
                  metricName: 'RunningTaskCount',
                  dimensions: [
                    { name: 'ClusterName', value: backlog.clusterName },
                    { name: 'ServiceName', value: backlog.serviceName },
                  ],
                },
                stat: 'Average',
              },
              returnData: false,
            },
            // minCapacity is at least 1, so there is always a task to divide by.
            { id: 'perTask', expression: 'waiting / tasks', label: 'jobs waiting per task', returnData: true },
          ],
        },
        targetValue: backlog.jobsPerTask,
        scaleInCooldown: 300,
        scaleOutCooldown: 60,
      },
    });
  }
  return target;
}
