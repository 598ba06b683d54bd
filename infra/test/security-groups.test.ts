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

  it('let only the load balancer reach the gateway (3000) and notifications (3001), and only the tasks reach the internal TCP ports', () => {
    expect(ingressOf(cloud, 'tasks')).toEqual([
      'tcp 3000 from sg:load-balancer',
      'tcp 3001 from sg:load-balancer',
      'tcp 4001 from sg:tasks',
      'tcp 4002 from sg:tasks',
      'tcp 4003 from sg:tasks',
      'tcp 4004 from sg:tasks',
      'tcp 4005 from sg:tasks',
      'tcp 4006 from sg:tasks',
    ]);
  });

  it('open the load balancer to the internet on its listener ports only', () => {
    expect(ingressOf(cloud, 'load-balancer')).toEqual(['tcp 443 from cidr:0.0.0.0/0', 'tcp 80 from cidr:0.0.0.0/0']);
  });

  it('let the load balancer out only to the HTTP ports of the tasks', () => {
    const out = cloud.all(T.egress).filter((rule) => rule.inputs.securityGroupId === sg('load-balancer'));
    expect(out.map((rule) => [rule.inputs.fromPort, rule.inputs.referencedSecurityGroupId]).sort()).toEqual([
      [3000, sg('tasks')],
      [3001, sg('tasks')],
    ]);
  });

  it('open MySQL and Redis to the tasks only', () => {
    expect(ingressOf(cloud, 'database')).toEqual(['tcp 3306 from sg:tasks']);
    expect(ingressOf(cloud, 'redis')).toEqual(['tcp 6379 from sg:tasks']);
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
