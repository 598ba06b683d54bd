import * as aws from '@pulumi/aws';
import * as command from '@pulumi/command';
import * as pulumi from '@pulumi/pulumi';
import * as random from '@pulumi/random';
import { APP_NAMES, APPS, AppName } from './apps';
import { Cluster } from './cluster';
import { Database, DATABASE_PORT, DATABASE_USER } from './database';
import { Network } from './network';
import { SecurityGroups } from './security-groups';
import { StackSettings } from './settings';
import { createTaskRoles } from './task-roles';

/** One app's own MySQL user: its name, and the secret (`{username, password}`) its tasks start with. */
export interface AppDatabaseUser {
  user: string;
  schema: string;
  secret: aws.secretsmanager.Secret;
}

export interface DatabaseUsers {
  users: Partial<Record<AppName, AppDatabaseUser>>;
  /** Runs the one-off task; the app services wait for it. */
  provisioned: command.local.Command;
}

/** The MySQL user of the app that owns `schema` (at most 32 characters). */
export function databaseUserOf(schema: string): string {
  return `${schema}_app`;
}

/**
 * Every app with a schema connects as a user of its own with rights on that
 * schema only (a taken-over task reaches no other app's data). A one-off ECS
 * task, the only holder of the RDS master secret, makes the users and sets
 * their passwords; the deployment runs it (`aws ecs run-task`, so `pulumi up`
 * needs the AWS CLI) whenever the task changes, before the app services start.
 */
export function createDatabaseUsers(
  settings: StackSettings,
  sources: { network: Network; groups: SecurityGroups; cluster: Cluster; database: Database; image: pulumi.Input<string>; region: pulumi.Input<string> },
): DatabaseUsers {
  const users: Partial<Record<AppName, AppDatabaseUser>> = {};
  for (const name of APP_NAMES) {
    const schema = APPS[name].schema;
    if (!schema) continue;
    const user = databaseUserOf(schema);
    // Letters and digits only: nothing a MySQL password or a URL would need escaped.
    const password = new random.RandomPassword(`${name}-database-password`, { length: 40, special: false });
    const secret = new aws.secretsmanager.Secret(`${name}-database-user`, { description: `finstack ${name}: its own MySQL user (${user})` });
    new aws.secretsmanager.SecretVersion(`${name}-database-user`, {
      secretId: secret.id,
      secretString: pulumi.secret(pulumi.jsonStringify({ username: user, password: password.result })),
    });
    users[name] = { user, schema, secret };
  }

  const listed = Object.values(users);
  const secrets = [
    { name: 'DATABASE_PASSWORD', valueFrom: pulumi.interpolate`${sources.database.secretArn}:password::` },
    ...listed.map(({ user, secret }) => ({ name: `${user.toUpperCase()}_PASSWORD`, valueFrom: pulumi.interpolate`${secret.arn}:password::` })),
  ];
  const roles = createTaskRoles('database-users', { secretArns: [sources.database.secretArn, ...listed.map(({ secret }) => secret.arn)] });
  const logGroup = new aws.cloudwatch.LogGroup('database-users', {
    name: `/finstack/${pulumi.getStack()}/database-users`,
    retentionInDays: settings.logRetentionDays,
  });
  const taskDefinition = new aws.ecs.TaskDefinition('database-users', {
    family: `finstack-${pulumi.getStack()}-database-users`,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
    executionRoleArn: roles.execution.arn,
    taskRoleArn: roles.task.arn,
    containerDefinitions: pulumi.jsonStringify([
      {
        name: 'database-users',
        image: sources.image,
        essential: true,
        command: ['node', 'dist/scripts/provision-database-users.js'],
        environment: [
          { name: 'DATABASE_URL', value: pulumi.interpolate`mysql://${DATABASE_USER}@${sources.database.host}:${DATABASE_PORT}/` },
          { name: 'DATABASE_TLS', value: 'rds' },
          { name: 'APP_DATABASE_USERS', value: listed.map(({ user, schema }) => `${user}:${schema}`).join(',') },
        ],
        secrets,
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': logGroup.name, 'awslogs-region': sources.region, 'awslogs-stream-prefix': 'database-users' },
        },
      },
    ]),
  });

  const provisioned = new command.local.Command(
    'database-users',
    {
      create: 'bash scripts/run-one-off-task.sh',
      update: 'bash scripts/run-one-off-task.sh',
      environment: {
        CLUSTER: sources.cluster.cluster.arn,
        TASK_DEFINITION: taskDefinition.arn,
        SUBNETS: pulumi.all(sources.network.privateSubnetIds).apply((ids) => ids.join(',')),
        SECURITY_GROUP: sources.groups.databaseAdmin.id,
        AWS_REGION: sources.region,
      },
      triggers: [taskDefinition.arn],
    },
    { dependsOn: [sources.database.instance] },
  );
  return { users, provisioned };
}
