import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { AppName } from './apps';

export interface TaskRoles {
  /** Used by ECS to start the task: pull the image, write logs, read the task's secrets. */
  execution: aws.iam.Role;
  /** The app's own identity at run time. */
  task: aws.iam.Role;
}

/** What the OpenTelemetry collector needs to send traces to X-Ray. */
export const XRAY_WRITE_ACTIONS = [
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'xray:GetSamplingStatisticSummaries',
];

export interface TaskPermissions {
  /** Secrets Manager secrets the task is started with (the ARNs, without a JSON key). */
  secretArns: pulumi.Input<string>[];
  /** Extra statements for the app itself (the var service's bucket). */
  statements?: pulumi.Input<Record<string, unknown>>[];
}

/**
 * Roles of one app, each with only what it needs: its execution role reads its
 * own secrets and nothing else; its task role writes traces (and, for var, the
 * price bucket).
 */
export function createTaskRoles(app: AppName | 'database-users', permissions: TaskPermissions): TaskRoles {
  const assumedByTasks = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  });
  const execution = new aws.iam.Role(`${app}-execution`, { assumeRolePolicy: assumedByTasks });
  new aws.iam.RolePolicyAttachment(`${app}-execution`, {
    role: execution.name,
    policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
  });
  if (permissions.secretArns.length > 0) {
    new aws.iam.RolePolicy(`${app}-execution-secrets`, {
      role: execution.id,
      policy: pulumi.jsonStringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: permissions.secretArns }],
      }),
    });
  }

  const task = new aws.iam.Role(`${app}-task`, { assumeRolePolicy: assumedByTasks });
  new aws.iam.RolePolicy(`${app}-task`, {
    role: task.id,
    policy: pulumi.jsonStringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: XRAY_WRITE_ACTIONS, Resource: '*' }, ...(permissions.statements ?? [])],
    }),
  });
  return { execution, task };
}
