import * as aws from '@pulumi/aws';
import { Network } from './network';

export const NAMESPACE_NAME = 'finstack.internal';

export interface Cluster {
  cluster: aws.ecs.Cluster;
  /**
   * Cloud Map namespace: Service Connect's (tasks reach `trx-crud:4001` by name),
   * and, as a private DNS zone, the DNS names of the services a CodeDeploy-managed
   * gateway reaches (Service Connect does not serve CodeDeploy task sets).
   */
  namespace: aws.servicediscovery.PrivateDnsNamespace;
}

export function createCluster(network: Network): Cluster {
  const namespace = new aws.servicediscovery.PrivateDnsNamespace('services', {
    name: NAMESPACE_NAME,
    vpc: network.vpc.id,
    description: 'finstack services',
  });
  const cluster = new aws.ecs.Cluster('finstack', {
    settings: [{ name: 'containerInsights', value: 'enabled' }],
    serviceConnectDefaults: { namespace: namespace.arn },
  });
  return { cluster, namespace };
}
