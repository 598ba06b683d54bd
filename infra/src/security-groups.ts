import * as aws from '@pulumi/aws';
import { APP_NAMES, appSpecs, AppName, callersOf } from './apps';
import { Network } from './network';

export interface SecurityGroups {
  loadBalancer: aws.ec2.SecurityGroup;
  /** Each app's tasks are in a group of their own, the source of the rules that name that app as a caller. */
  apps: Record<AppName, aws.ec2.SecurityGroup>;
  /** The one-off task that creates the apps' database users. */
  databaseAdmin: aws.ec2.SecurityGroup;
  database: aws.ec2.SecurityGroup;
  redis: aws.ec2.SecurityGroup;
}

export interface ListenerPorts {
  production: number[];
  /** The CodeDeploy test listener's port, when there is one. */
  test?: number;
}

const MYSQL_PORT = 3306;
export const REDIS_PORT = 6379;

/**
 * Who may talk to whom, from the call graph in `apps.ts`. The internet reaches
 * only the load balancer's listeners; the load balancer reaches only the HTTP
 * ports (gateway, notifications' Socket.IO); an app's TCP port admits only the
 * apps that call it, MySQL only the apps that own a schema (and the one-off task
 * that creates their users), Redis only the apps that use it. A task that is
 * taken over therefore reaches only what its app already calls.
 * Rules are separate resources, one per port and source, so each can be read alone.
 */
export function createSecurityGroups(network: Network, listeners: ListenerPorts, testListenerCidrs: string[]): SecurityGroups {
  const vpcId = network.vpc.id;
  const loadBalancer = new aws.ec2.SecurityGroup('load-balancer', { vpcId, description: 'finstack load balancer: listeners open to the internet' });
  const apps = Object.fromEntries(
    APP_NAMES.map((name) => [name, new aws.ec2.SecurityGroup(`${name}-tasks`, { vpcId, description: `finstack ${name} tasks` })]),
  ) as Record<AppName, aws.ec2.SecurityGroup>;
  const databaseAdmin = new aws.ec2.SecurityGroup('database-admin', { vpcId, description: 'finstack one-off task that creates the apps\' database users' });
  const database = new aws.ec2.SecurityGroup('database', { vpcId, description: 'finstack RDS MySQL: from the apps that own a schema' });
  const redis = new aws.ec2.SecurityGroup('redis', { vpcId, description: 'finstack ElastiCache Redis: from the apps that use it' });

  for (const port of listeners.production) {
    new aws.vpc.SecurityGroupIngressRule(`load-balancer-from-internet-${port}`, {
      securityGroupId: loadBalancer.id,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      cidrIpv4: '0.0.0.0/0',
      description: `listener ${port}`,
    });
  }
  if (listeners.test !== undefined) {
    for (const [index, cidr] of testListenerCidrs.entries()) {
      new aws.vpc.SecurityGroupIngressRule(`load-balancer-test-listener-${index}`, {
        securityGroupId: loadBalancer.id,
        ipProtocol: 'tcp',
        fromPort: listeners.test,
        toPort: listeners.test,
        cidrIpv4: cidr,
        description: 'CodeDeploy test listener',
      });
    }
  }

  for (const app of appSpecs()) {
    const group = apps[app.name];
    if (app.http) {
      const port = app.http.port;
      new aws.vpc.SecurityGroupIngressRule(`${app.name}-from-load-balancer-${port}`, {
        securityGroupId: group.id,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        referencedSecurityGroupId: loadBalancer.id,
        description: `${app.name} HTTP from the load balancer`,
      });
      new aws.vpc.SecurityGroupEgressRule(`load-balancer-to-${app.name}-${port}`, {
        securityGroupId: loadBalancer.id,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        referencedSecurityGroupId: group.id,
        description: `to ${app.name}`,
      });
    }
    if (app.tcp) {
      const port = app.tcp.port;
      for (const caller of callersOf(app.name)) {
        new aws.vpc.SecurityGroupIngressRule(`${app.name}-from-${caller}-${port}`, {
          securityGroupId: group.id,
          ipProtocol: 'tcp',
          fromPort: port,
          toPort: port,
          referencedSecurityGroupId: apps[caller].id,
          description: `${app.name} TCP from ${caller}`,
        });
      }
    }
    if (app.schema) allowInto('database', database, MYSQL_PORT, app.name, group);
    if (app.redis) allowInto('redis', redis, REDIS_PORT, app.name, group);
    // Out to AWS APIs (ECR, Secrets Manager, CloudWatch, X-Ray, KMS, SES) and the market-data provider through
    // the NAT gateways, and to the other tasks; what may come in is decided by the receiving group.
    new aws.vpc.SecurityGroupEgressRule(`${app.name}-tasks-out`, {
      securityGroupId: group.id,
      ipProtocol: '-1',
      cidrIpv4: '0.0.0.0/0',
      description: 'AWS APIs, the data stores and the tasks it calls',
    });
  }
  allowInto('database', database, MYSQL_PORT, 'database-admin', databaseAdmin);
  new aws.vpc.SecurityGroupEgressRule('database-admin-out', {
    securityGroupId: databaseAdmin.id,
    ipProtocol: '-1',
    cidrIpv4: '0.0.0.0/0',
    description: 'Secrets Manager, ECR, CloudWatch Logs and the database',
  });

  return { loadBalancer, apps, databaseAdmin, database, redis };
}

/** Admits one source group to a data store's port. */
function allowInto(targetName: string, target: aws.ec2.SecurityGroup, port: number, sourceName: string, source: aws.ec2.SecurityGroup): void {
  new aws.vpc.SecurityGroupIngressRule(`${targetName}-from-${sourceName}-${port}`, {
    securityGroupId: target.id,
    ipProtocol: 'tcp',
    fromPort: port,
    toPort: port,
    referencedSecurityGroupId: source.id,
    description: `${targetName} from ${sourceName}`,
  });
}
