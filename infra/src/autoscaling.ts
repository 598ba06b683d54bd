import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { AppName } from './apps';
import { AppSettings } from './settings';

export const CPU_TARGET_PERCENT = 60;

export interface RequestScaling {
  /** `app/<alb>/<id>/targetgroup/<tg>/<id>`: the load balancer's and target group's ARN suffixes. */
  resourceLabel: pulumi.Input<string>;
  requestsPerTarget: number;
}

/**
 * Target tracking on one service: average CPU at 60 %, and for the gateway the
 * requests per target as well. Scaling out follows whichever policy asks for
 * more tasks; scaling in waits until every policy agrees.
 */
export function createAutoscaling(
  app: AppName,
  cluster: aws.ecs.Cluster,
  service: aws.ecs.Service,
  size: AppSettings,
  requests?: RequestScaling,
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
  return target;
}
