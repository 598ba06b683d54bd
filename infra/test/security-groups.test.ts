import { deploy, idOf, MockCloud } from './support/mock-cloud';
import { T } from './support/types';

const sg = (name: string) => idOf(T.securityGroup, name);

/** Ingress rules of a group as "port from source" lines, sorted. */
function ingressOf(cloud: MockCloud, group: string): string[] {
  return cloud
    .all(T.ingress)
    .filter((rule) => rule.inputs.securityGroupId === sg(group))
    .map((rule) => {
      const { fromPort, toPort, referencedSecurityGroupId, cidrIpv4, ipProtocol } = rule.inputs;
      const source = referencedSecurityGroupId ? `sg:${referencedSecurityGroupId.split('@')[0]}` : `cidr:${cidrIpv4}`;
      return `${ipProtocol} ${fromPort === toPort ? fromPort : `${fromPort}-${toPort}`} from ${source}`;
    })
    .sort();
}

describe('security groups', () => {
  let cloud: MockCloud;
  beforeAll(async () => {
    cloud = await deploy({ certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' });
  });

  it('open each app only to the load balancer (HTTP) and to the apps that call it (TCP)', () => {
    expect(ingressOf(cloud, 'gateway-tasks')).toEqual(['tcp 3000 from sg:load-balancer']);
    expect(ingressOf(cloud, 'trx-crud-tasks')).toEqual(['tcp 4001 from sg:classifier-tasks', 'tcp 4001 from sg:gateway-tasks', 'tcp 4001 from sg:report-tasks']);
    expect(ingressOf(cloud, 'classifier-tasks')).toEqual(['tcp 4002 from sg:gateway-tasks', 'tcp 4002 from sg:trx-crud-tasks']);
    expect(ingressOf(cloud, 'report-tasks')).toEqual(['tcp 4003 from sg:gateway-tasks']);
    expect(ingressOf(cloud, 'portfolio-tasks')).toEqual([
      'tcp 4004 from sg:gateway-tasks',
      'tcp 4004 from sg:notifications-tasks',
      'tcp 4004 from sg:var-tasks',
    ]);
    expect(ingressOf(cloud, 'var-tasks')).toEqual(['tcp 4005 from sg:gateway-tasks', 'tcp 4005 from sg:portfolio-tasks']);
    expect(ingressOf(cloud, 'notifications-tasks')).toEqual([
      'tcp 3001 from sg:load-balancer',
      'tcp 4006 from sg:gateway-tasks',
      'tcp 4006 from sg:portfolio-tasks',
      'tcp 4006 from sg:trx-crud-tasks',
      'tcp 4006 from sg:var-tasks',
    ]);
  });

  it('keep a taken-over task from reaching services its app never calls (the ledger from var, portfolio from report)', () => {
    expect(ingressOf(cloud, 'trx-crud-tasks')).not.toContain('tcp 4001 from sg:var-tasks');
    expect(ingressOf(cloud, 'trx-crud-tasks')).not.toContain('tcp 4001 from sg:notifications-tasks');
    expect(ingressOf(cloud, 'portfolio-tasks')).not.toContain('tcp 4004 from sg:report-tasks');
  });

  it('put each service in its own group', () => {
    for (const name of ['gateway', 'trx-crud', 'classifier', 'report', 'portfolio', 'var', 'notifications']) {
      const service = cloud.one(T.service, name);
      expect(service.inputs.networkConfiguration.securityGroups).toEqual([sg(`${name}-tasks`)]);
    }
  });

  it('open the load balancer to the internet on its listener ports only', () => {
    expect(ingressOf(cloud, 'load-balancer')).toEqual(['tcp 443 from cidr:0.0.0.0/0', 'tcp 80 from cidr:0.0.0.0/0']);
  });

  it('let the load balancer out only to the HTTP ports of the tasks', () => {
    const out = cloud.all(T.egress).filter((rule) => rule.inputs.securityGroupId === sg('load-balancer'));
    expect(out.map((rule) => [rule.inputs.fromPort, rule.inputs.referencedSecurityGroupId]).sort()).toEqual([
      [3000, sg('gateway-tasks')],
      [3001, sg('notifications-tasks')],
    ]);
  });

  it('open MySQL to the apps that own a schema (and the users task) and Redis to the apps that use it', () => {
    expect(ingressOf(cloud, 'database')).toEqual([
      'tcp 3306 from sg:classifier-tasks',
      'tcp 3306 from sg:database-admin',
      'tcp 3306 from sg:gateway-tasks',
      'tcp 3306 from sg:portfolio-tasks',
      'tcp 3306 from sg:trx-crud-tasks',
      'tcp 3306 from sg:var-tasks',
    ]);
    expect(ingressOf(cloud, 'redis')).toEqual(['tcp 6379 from sg:gateway-tasks', 'tcp 6379 from sg:notifications-tasks', 'tcp 6379 from sg:var-tasks']);
    expect(cloud.one(T.database, 'database').inputs.vpcSecurityGroupIds).toEqual([sg('database')]);
    expect(cloud.one(T.redis, 'redis').inputs.securityGroupIds).toEqual([sg('redis')]);
  });

  it('use no inline rules that could widen them unseen', () => {
    for (const group of cloud.all(T.securityGroup)) {
      expect(group.inputs.ingress).toBeUndefined();
      expect(group.inputs.egress).toBeUndefined();
    }
  });
});

describe('the CodeDeploy test listener', () => {
  it('is closed to everyone unless the stack names who may reach it', async () => {
    const closed = await deploy({ gatewayDeployment: 'blue-green' });
    expect(ingressOf(closed, 'load-balancer')).toEqual(['tcp 80 from cidr:0.0.0.0/0']);
    const open = await deploy({ gatewayDeployment: 'blue-green', testListenerCidrs: ['203.0.113.0/24'] });
    expect(ingressOf(open, 'load-balancer')).toEqual(['tcp 80 from cidr:0.0.0.0/0', 'tcp 8080 from cidr:203.0.113.0/24']);
  });
});
