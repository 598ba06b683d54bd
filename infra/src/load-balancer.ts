import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { APPS, HttpEndpoint } from './apps';
import { Network } from './network';
import { ListenerPorts, SecurityGroups } from './security-groups';
import { StackSettings, usesCodeDeploy } from './settings';

/** Socket.IO's default ping interval; an idle connection must outlive it, and a ping or two missed. */
export const SOCKET_IO_PING_INTERVAL_SECONDS = 25;
export const IDLE_TIMEOUT_SECONDS = 120;
export const SOCKET_IO_PATH_PATTERN = '/socket.io/*';

const HTTP_PORT = 80;
const HTTPS_PORT = 443;

export interface LoadBalancing {
  loadBalancer: aws.lb.LoadBalancer;
  /** The gateway's target group (CodeDeploy's blue one). */
  gatewayTargetGroup: aws.lb.TargetGroup;
  /** CodeDeploy's green target group: the replacement task set, behind the test listener. */
  gatewayReplacementTargetGroup?: aws.lb.TargetGroup;
  notificationsTargetGroup: aws.lb.TargetGroup;
  /** The listener users reach: HTTPS with a certificate, HTTP otherwise. */
  productionListener: aws.lb.Listener;
  testListener?: aws.lb.Listener;
  url: pulumi.Output<string>;
}

export function listenerPorts(settings: StackSettings): ListenerPorts {
  const secure = settings.certificateArn !== undefined;
  return {
    production: secure ? [HTTP_PORT, HTTPS_PORT] : [HTTP_PORT],
    test: usesCodeDeploy(settings) ? (secure ? 8443 : 8080) : undefined,
  };
}

/**
 * An internet-facing ALB in the public subnets. `/socket.io/*` goes to
 * notifications, with sticky sessions (Socket.IO's polling handshake must land on
 * the replica that opened it); everything else to the gateway.
 */
export function createLoadBalancing(network: Network, groups: SecurityGroups, settings: StackSettings): LoadBalancing {
  const loadBalancer = new aws.lb.LoadBalancer('public', {
    loadBalancerType: 'application',
    internal: false,
    subnets: network.publicSubnetIds,
    securityGroups: [groups.loadBalancer.id],
    idleTimeout: IDLE_TIMEOUT_SECONDS,
    dropInvalidHeaderFields: true,
  });

  const vpcId = network.vpc.id;
  const gatewayTargetGroup = targetGroup('gateway', APPS.gateway.http!, vpcId);
  const gatewayReplacementTargetGroup = usesCodeDeploy(settings) ? targetGroup('gateway-green', APPS.gateway.http!, vpcId) : undefined;
  const notificationsTargetGroup = targetGroup('notifications', APPS.notifications.http!, vpcId, {
    type: 'lb_cookie',
    enabled: true,
    cookieDuration: 86400,
  });

  // CodeDeploy swaps the listeners' target groups during a deployment: Pulumi must not swap them back.
  const listenerOptions: pulumi.CustomResourceOptions = usesCodeDeploy(settings) ? { ignoreChanges: ['defaultActions'] } : {};
  const forwardTo = (group: aws.lb.TargetGroup) => [{ type: 'forward', targetGroupArn: group.arn }];
  let productionListener: aws.lb.Listener;
  if (settings.certificateArn) {
    productionListener = new aws.lb.Listener(
      'https',
      {
        loadBalancerArn: loadBalancer.arn,
        port: HTTPS_PORT,
        protocol: 'HTTPS',
        sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        certificateArn: settings.certificateArn,
        defaultActions: forwardTo(gatewayTargetGroup),
      },
      listenerOptions,
    );
    new aws.lb.Listener('http-to-https', {
      loadBalancerArn: loadBalancer.arn,
      port: HTTP_PORT,
      protocol: 'HTTP',
      defaultActions: [{ type: 'redirect', redirect: { protocol: 'HTTPS', port: String(HTTPS_PORT), statusCode: 'HTTP_301' } }],
    });
  } else {
    productionListener = new aws.lb.Listener(
      'http',
      { loadBalancerArn: loadBalancer.arn, port: HTTP_PORT, protocol: 'HTTP', defaultActions: forwardTo(gatewayTargetGroup) },
      listenerOptions,
    );
  }
  const ports = listenerPorts(settings);
  const testListener =
    gatewayReplacementTargetGroup && ports.test !== undefined
      ? new aws.lb.Listener(
          'test',
          {
            loadBalancerArn: loadBalancer.arn,
            port: ports.test,
            protocol: settings.certificateArn ? 'HTTPS' : 'HTTP',
            sslPolicy: settings.certificateArn ? 'ELBSecurityPolicy-TLS13-1-2-2021-06' : undefined,
            certificateArn: settings.certificateArn,
            defaultActions: forwardTo(gatewayReplacementTargetGroup),
          },
          listenerOptions,
        )
      : undefined;

  new aws.lb.ListenerRule('socket-io', {
    listenerArn: productionListener.arn,
    priority: 10,
    conditions: [{ pathPattern: { values: [SOCKET_IO_PATH_PATTERN] } }],
    actions: forwardTo(notificationsTargetGroup),
  });

  // The apps' Prometheus endpoints are for the VPC's scraper, not for the internet.
  new aws.lb.ListenerRule('metrics-not-public', {
    listenerArn: productionListener.arn,
    priority: 5,
    conditions: [{ pathPattern: { values: ['/metrics', '/metrics/*'] } }],
    actions: [{ type: 'fixed-response', fixedResponse: { statusCode: '404', contentType: 'application/json', messageBody: '{"code":"ROUTE_NOT_FOUND"}' } }],
  });

  const scheme = settings.certificateArn ? 'https' : 'http';
  return {
    loadBalancer,
    gatewayTargetGroup,
    gatewayReplacementTargetGroup,
    notificationsTargetGroup,
    productionListener,
    testListener,
    url: pulumi.interpolate`${scheme}://${loadBalancer.dnsName}`,
  };
}

function targetGroup(
  name: string,
  endpoint: HttpEndpoint,
  vpcId: pulumi.Input<string>,
  stickiness?: aws.types.input.lb.TargetGroupStickiness,
): aws.lb.TargetGroup {
  return new aws.lb.TargetGroup(name, {
    vpcId,
    port: endpoint.port,
    protocol: 'HTTP',
    targetType: 'ip',
    deregistrationDelay: 30,
    healthCheck: {
      enabled: true,
      path: endpoint.healthPath,
      matcher: '200',
      interval: 15,
      timeout: 5,
      healthyThreshold: 2,
      unhealthyThreshold: 3,
    },
    stickiness,
  });
}
