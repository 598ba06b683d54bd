import * as aws from '@pulumi/aws';
import { appSpecs } from './apps';
import { Network } from './network';

export interface SecurityGroups {
  loadBalancer: aws.ec2.SecurityGroup;
  /** Every task of the cluster is in this group; it is also the source of every internal rule. */
  tasks: aws.ec2.SecurityGroup;
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
 * Who may talk to whom. The internet reaches only the load balancer's listeners;
 * the load balancer reaches only the HTTP ports (gateway, notifications' Socket.IO);
 * the internal TCP ports, MySQL and Redis are open only to the cluster's own tasks.
 * Rules are separate resources, one per port and source, so each can be read alone.
 */
export function createSecurityGroups(network: Network, listeners: ListenerPorts, testListenerCidrs: string[]): SecurityGroups {
  const vpcId = network.vpc.id;
  const loadBalancer = new aws.ec2.SecurityGroup('load-balancer', { vpcId, description: 'finstack load balancer: listeners open to the internet' });
  const tasks = new aws.ec2.SecurityGroup('tasks', { vpcId, description: 'finstack ECS tasks' });
  const database = new aws.ec2.SecurityGroup('database', { vpcId, description: 'finstack RDS MySQL: from the tasks only' });
  const redis = new aws.ec2.SecurityGroup('redis', { vpcId, description: 'finstack ElastiCache Redis: from the tasks only' });

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
    if (app.http) {
      const port = app.http.port;
      new aws.vpc.SecurityGroupIngressRule(`tasks-from-load-balancer-${port}`, {
        securityGroupId: tasks.id,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        referencedSecurityGroupId: loadBalancer.id,
        description: `${app.name} HTTP from the load balancer`,
      });
      new aws.vpc.SecurityGroupEgressRule(`load-balancer-to-tasks-${port}`, {
        securityGroupId: loadBalancer.id,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        referencedSecurityGroupId: tasks.id,
        description: `to ${app.name}`,
      });
    }
    if (app.tcp) {
      const port = app.tcp.port;
      new aws.vpc.SecurityGroupIngressRule(`tasks-from-tasks-${port}`, {
        securityGroupId: tasks.id,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        referencedSecurityGroupId: tasks.id,
        description: `${app.name} TCP from the cluster's tasks`,
      });
    }
  }
  // Out to AWS APIs (ECR, Secrets Manager, CloudWatch, X-Ray) through the NAT gateways, and to each other.
  new aws.vpc.SecurityGroupEgressRule('tasks-out', {
    securityGroupId: tasks.id,
    ipProtocol: '-1',
    cidrIpv4: '0.0.0.0/0',
    description: 'AWS APIs, the data stores and the other tasks',
  });

  new aws.vpc.SecurityGroupIngressRule(`database-from-tasks-${MYSQL_PORT}`, {
    securityGroupId: database.id,
    ipProtocol: 'tcp',
    fromPort: MYSQL_PORT,
    toPort: MYSQL_PORT,
    referencedSecurityGroupId: tasks.id,
    description: 'MySQL from the tasks',
  });
  new aws.vpc.SecurityGroupIngressRule(`redis-from-tasks-${REDIS_PORT}`, {
    securityGroupId: redis.id,
    ipProtocol: 'tcp',
    fromPort: REDIS_PORT,
    toPort: REDIS_PORT,
    referencedSecurityGroupId: tasks.id,
    description: 'Redis from the tasks',
  });

  return { loadBalancer, tasks, database, redis };
}
