import { deploy, idOf, MockCloud, REGION } from './support/mock-cloud';
import { T } from './support/types';

const id = (type: string, name: string) => idOf(type, name);
const publicSubnets = [id(T.subnet, 'public-0'), id(T.subnet, 'public-1')];
const CERTIFICATE = 'arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e';

describe('network', () => {
  let cloud: MockCloud;
  beforeAll(async () => {
    cloud = await deploy();
  });

  it('has a public and a private subnet in each of two availability zones', () => {
    const subnets = cloud.all(T.subnet);
    expect(subnets.map((s) => s.name).sort()).toEqual(['private-0', 'private-1', 'public-0', 'public-1']);
    expect(new Set(subnets.map((s) => s.inputs.availabilityZone))).toEqual(new Set([`${REGION}a`, `${REGION}b`]));
    for (const zone of [0, 1]) {
      expect(cloud.one(T.subnet, `public-${zone}`).inputs.availabilityZone).toBe(cloud.one(T.subnet, `private-${zone}`).inputs.availabilityZone);
    }
    expect(subnets.every((s) => s.inputs.mapPublicIpOnLaunch === false)).toBe(true);
  });

  it('routes the private subnets out through a NAT gateway in their own zone, never through the internet gateway', () => {
    for (const zone of [0, 1]) {
      const routes = cloud.one(T.routeTable, `private-${zone}`).inputs.routes;
      expect(routes).toEqual([expect.objectContaining({ cidrBlock: '0.0.0.0/0', natGatewayId: id(T.natGateway, `nat-${zone}`) })]);
      expect(routes[0].gatewayId).toBeUndefined();
      expect(cloud.one(T.natGateway, `nat-${zone}`).inputs.subnetId).toBe(id(T.subnet, `public-${zone}`));
    }
    expect(cloud.one(T.routeTable, 'public').inputs.routes).toEqual([
      expect.objectContaining({ cidrBlock: '0.0.0.0/0', gatewayId: id(T.internetGateway, 'finstack') }),
    ]);
  });
});

describe('load balancer without a certificate', () => {
  let cloud: MockCloud;
  beforeAll(async () => {
    cloud = await deploy({ certificateArn: undefined });
  });

  it('is internet-facing, in the public subnets, in its own security group', () => {
    const alb = cloud.one(T.loadBalancer, 'public').inputs;
    expect(alb.internal).toBe(false);
    expect(alb.loadBalancerType).toBe('application');
    expect(alb.subnets).toEqual(publicSubnets);
    expect(alb.securityGroups).toEqual([id(T.securityGroup, 'load-balancer')]);
  });

  it('keeps idle connections longer than Socket.IO’s 25 s ping interval', () => {
    expect(cloud.one(T.loadBalancer, 'public').inputs.idleTimeout).toBeGreaterThan(25);
  });

  it('serves plain HTTP on port 80, forwarding to the gateway, and nothing on 443', () => {
    const listeners = cloud.all(T.listener);
    expect(listeners).toHaveLength(1);
    expect(listeners[0].inputs).toMatchObject({
      port: 80,
      protocol: 'HTTP',
      defaultActions: [{ type: 'forward', targetGroupArn: cloud.one(T.targetGroup, 'gateway').state.arn }],
    });
  });

  it('sends /socket.io/* to notifications and everything else to the gateway', () => {
    const rule = cloud.one(T.listenerRule, 'socket-io').inputs;
    expect(rule.listenerArn).toBe(cloud.one(T.listener, 'http').state.arn);
    expect(rule.conditions).toEqual([{ pathPattern: { values: ['/socket.io/*'] } }]);
    expect(rule.actions).toEqual([{ type: 'forward', targetGroupArn: cloud.one(T.targetGroup, 'notifications').state.arn }]);
  });

  it('answers /metrics from the internet with 404 before it reaches an app', () => {
    const rule = cloud.one(T.listenerRule, 'metrics-not-public').inputs;
    expect(rule.listenerArn).toBe(cloud.one(T.listener, 'http').state.arn);
    expect(rule.priority).toBeLessThan(cloud.one(T.listenerRule, 'socket-io').inputs.priority);
    expect(rule.conditions).toEqual([{ pathPattern: { values: ['/metrics', '/metrics/*'] } }]);
    expect(rule.actions).toEqual([expect.objectContaining({ type: 'fixed-response', fixedResponse: expect.objectContaining({ statusCode: '404' }) })]);
  });

  it('keeps a Socket.IO client on one notifications replica (sticky sessions), and not the gateway', () => {
    expect(cloud.one(T.targetGroup, 'notifications').inputs.stickiness).toEqual(expect.objectContaining({ enabled: true, type: 'lb_cookie' }));
    expect(cloud.one(T.targetGroup, 'gateway').inputs.stickiness).toBeUndefined();
  });

  it('probes each target group’s health endpoint on the app’s port, by IP (Fargate)', () => {
    const gateway = cloud.one(T.targetGroup, 'gateway').inputs;
    const notifications = cloud.one(T.targetGroup, 'notifications').inputs;
    expect(gateway).toMatchObject({ port: 3000, protocol: 'HTTP', targetType: 'ip', healthCheck: { enabled: true, path: '/health', matcher: '200' } });
    expect(notifications).toMatchObject({ port: 3001, protocol: 'HTTP', targetType: 'ip', healthCheck: { enabled: true, path: '/health', matcher: '200' } });
  });
});

describe('load balancer with a certificate', () => {
  let cloud: MockCloud;
  beforeAll(async () => {
    cloud = await deploy({ certificateArn: CERTIFICATE });
  });

  it('serves HTTPS on 443 with the certificate and a TLS 1.2+ policy', () => {
    expect(cloud.one(T.listener, 'https').inputs).toMatchObject({
      port: 443,
      protocol: 'HTTPS',
      certificateArn: CERTIFICATE,
      sslPolicy: expect.stringMatching(/TLS13-1-2/),
      defaultActions: [{ type: 'forward', targetGroupArn: cloud.one(T.targetGroup, 'gateway').state.arn }],
    });
  });

  it('redirects HTTP to HTTPS instead of serving it', () => {
    const http = cloud.one(T.listener, 'http-to-https').inputs;
    expect(http.port).toBe(80);
    expect(http.defaultActions).toEqual([{ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } }]);
  });

  it('routes Socket.IO on the HTTPS listener', () => {
    expect(cloud.one(T.listenerRule, 'socket-io').inputs.listenerArn).toBe(cloud.one(T.listener, 'https').state.arn);
  });

  it('gives the URL as https', async () => {
    await expect(new Promise((resolve) => cloud.stack.url.apply(resolve))).resolves.toMatch(/^https:\/\//);
  });
});
