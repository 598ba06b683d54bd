import { APP_NAMES, APPS } from '../src/apps';
import { deploy, MockCloud, valueOf } from './support/mock-cloud';
import { T } from './support/types';

describe('a rolling gateway (the default)', () => {
  let cloud: MockCloud;
  beforeAll(async () => {
    cloud = await deploy();
  });

  it('has no CodeDeploy, no second target group and no test listener', () => {
    expect(cloud.all(T.codeDeployApp)).toEqual([]);
    expect(cloud.all(T.deploymentGroup)).toEqual([]);
    expect(cloud.all(T.targetGroup).map((g) => g.name).sort()).toEqual(['gateway', 'notifications']);
    expect(cloud.all(T.listener).map((l) => l.name)).toEqual(['http']);
    expect(cloud.one(T.service, 'gateway').inputs.deploymentCircuitBreaker).toEqual({ enable: true, rollback: true });
  });
});

describe.each([
  ['blue-green', 'CodeDeployDefault.ECSAllAtOnce'],
  ['canary', 'CodeDeployDefault.ECSCanary10Percent5Minutes'],
] as const)('a %s gateway', (mode, deploymentConfig) => {
  let cloud: MockCloud;
  beforeAll(async () => {
    cloud = await deploy({ gatewayDeployment: mode });
  });

  it(`is deployed by CodeDeploy with ${deploymentConfig}`, () => {
    const gateway = cloud.one(T.service, 'gateway').inputs;
    expect(gateway.deploymentController).toEqual({ type: 'CODE_DEPLOY' });
    const group = cloud.one(T.deploymentGroup, 'gateway').inputs;
    expect(group).toMatchObject({
      appName: cloud.one(T.codeDeployApp, 'gateway').state.name,
      deploymentConfigName: deploymentConfig,
      deploymentStyle: { deploymentOption: 'WITH_TRAFFIC_CONTROL', deploymentType: 'BLUE_GREEN' },
      ecsService: { clusterName: cloud.one(T.cluster, 'finstack').state.name, serviceName: cloud.one(T.service, 'gateway').state.name },
    });
    expect(cloud.one(T.codeDeployApp, 'gateway').inputs.computePlatform).toBe('ECS');
  });

  it('has no circuit breaker on the gateway (CodeDeploy rolls back), and keeps it on every other service', () => {
    expect(cloud.one(T.service, 'gateway').inputs.deploymentCircuitBreaker).toBeUndefined();
    for (const app of APP_NAMES.filter((name) => name !== 'gateway')) {
      expect(cloud.one(T.service, app).inputs).toMatchObject({ deploymentController: { type: 'ECS' }, deploymentCircuitBreaker: { enable: true, rollback: true } });
    }
  });

  it('swaps between two target groups, serving the replacement on a test listener first', () => {
    const blue = cloud.one(T.targetGroup, 'gateway');
    const green = cloud.one(T.targetGroup, 'gateway-green');
    expect(green.inputs).toMatchObject({ port: 3000, targetType: 'ip', healthCheck: { path: '/health' } });
    const test = cloud.one(T.listener, 'test').inputs;
    expect(test).toMatchObject({ port: 8080, protocol: 'HTTP', defaultActions: [{ type: 'forward', targetGroupArn: green.state.arn }] });
    expect(cloud.one(T.deploymentGroup, 'gateway').inputs.loadBalancerInfo).toEqual({
      targetGroupPairInfo: {
        prodTrafficRoute: { listenerArns: [cloud.one(T.listener, 'http').state.arn] },
        testTrafficRoute: { listenerArns: [cloud.one(T.listener, 'test').state.arn] },
        targetGroups: [{ name: blue.state.name }, { name: green.state.name }],
      },
    });
  });

  it('rolls back automatically when the 5xx rate or the p99 latency of either target group alarms', () => {
    const group = cloud.one(T.deploymentGroup, 'gateway').inputs;
    expect(group.autoRollbackConfiguration).toEqual({ enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'] });
    // The rollback alarms, one pair per target group; the stack's own alarms (monitoring.test.ts) are not CodeDeploy's.
    const alarms = cloud.all(T.alarm).filter((alarm) => /-(blue|green)$/.test(alarm.name));
    expect(group.alarmConfiguration.enabled).toBe(true);
    expect([...group.alarmConfiguration.alarms].sort()).toEqual(alarms.map((alarm) => alarm.state.name).sort());
    expect(alarms.map((a) => a.name).sort()).toEqual([
      'gateway-5xx-rate-blue',
      'gateway-5xx-rate-green',
      'gateway-p99-latency-blue',
      'gateway-p99-latency-green',
    ]);
    const rate = cloud.one(T.alarm, 'gateway-5xx-rate-green').inputs;
    expect(rate.threshold).toBe(5);
    expect(rate.metricQueries.map((q: { metric?: { metricName: string; dimensions: object } }) => q.metric?.metricName)).toEqual([
      'HTTPCode_Target_5XX_Count',
      'RequestCount',
      undefined,
    ]);
    expect(rate.metricQueries[0].metric.dimensions).toEqual({
      LoadBalancer: cloud.one(T.loadBalancer, 'public').state.arnSuffix,
      TargetGroup: cloud.one(T.targetGroup, 'gateway-green').state.arnSuffix,
    });
    expect(cloud.one(T.alarm, 'gateway-p99-latency-blue').inputs).toMatchObject({ metricName: 'TargetResponseTime', extendedStatistic: 'p99', threshold: 1 });
  });

  it('lets the gateway reach its services by DNS, as Service Connect does not serve CodeDeploy task sets', () => {
    expect(cloud.one(T.service, 'gateway').inputs.serviceConnectConfiguration).toBeUndefined();
    const namespaceId = cloud.one(T.namespace, 'services').id;
    const [gateway] = cloud.containers('gateway');
    const plain = Object.fromEntries(gateway.environment.map((v: { name: string; value: string }) => [v.name, v.value]));
    for (const called of APPS.gateway.calls) {
      const registry = cloud.one(T.discoveryService, `${called}-dns`);
      expect(registry.inputs.dnsConfig).toMatchObject({ namespaceId, dnsRecords: [{ type: 'A', ttl: 10 }] });
      expect(cloud.one(T.service, called).inputs.serviceRegistries).toEqual({ registryArn: registry.state.arn });
      expect(plain[APPS[called].tcp!.hostVariable]).toBe(`${registry.inputs.name}.finstack.internal`);
      // Everyone else keeps calling it through Service Connect.
      expect(cloud.one(T.service, called).inputs.serviceConnectConfiguration.services[0].discoveryName).toBe(called);
    }
  });

  it('exports the AppSpec that deploys a gateway revision', async () => {
    const appSpec = JSON.parse(await valueOf(cloud.stack.gatewayDeployment!.appSpec('arn:aws:ecs:eu-west-1:1:task-definition/gw:7')));
    expect(appSpec.Resources[0].TargetService.Properties).toEqual({
      TaskDefinition: 'arn:aws:ecs:eu-west-1:1:task-definition/gw:7',
      LoadBalancerInfo: { ContainerName: 'gateway', ContainerPort: 3000 },
    });
  });
});
