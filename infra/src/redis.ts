import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as random from '@pulumi/random';
import { Network } from './network';
import { REDIS_PORT, SecurityGroups } from './security-groups';
import { StackSettings } from './settings';

export interface Redis {
  group: aws.elasticache.ReplicationGroup;
  /** Secrets Manager secret holding REDIS_URL (`rediss://` with the AUTH token). */
  urlSecret: aws.secretsmanager.Secret;
}

/**
 * ElastiCache Redis for notifications' Socket.IO adapter and dedupe: a primary and
 * a replica in the other zone with automatic failover, encrypted at rest and in
 * transit, behind an AUTH token. The whole URL lives in Secrets Manager, as it
 * carries the token.
 */
export function createRedis(network: Network, groups: SecurityGroups, settings: StackSettings): Redis {
  const subnets = new aws.elasticache.SubnetGroup('redis', { subnetIds: network.privateSubnetIds });
  // Letters and digits only: no character an AUTH token or a URL would refuse.
  const token = new random.RandomPassword('redis-auth-token', { length: 48, special: false });
  const group = new aws.elasticache.ReplicationGroup('redis', {
    description: 'finstack notifications: Socket.IO adapter and event dedupe',
    engine: 'redis',
    engineVersion: '7.1',
    nodeType: settings.redisNodeType,
    port: REDIS_PORT,
    numCacheClusters: 2,
    automaticFailoverEnabled: true,
    multiAzEnabled: true,
    atRestEncryptionEnabled: true,
    transitEncryptionEnabled: true,
    authToken: token.result,
    subnetGroupName: subnets.name,
    securityGroupIds: [groups.redis.id],
    snapshotRetentionLimit: 1,
  });
  const urlSecret = new aws.secretsmanager.Secret('redis-url', { description: 'finstack notifications REDIS_URL' });
  new aws.secretsmanager.SecretVersion('redis-url', {
    secretId: urlSecret.id,
    secretString: pulumi.secret(pulumi.interpolate`rediss://:${token.result}@${group.primaryEndpointAddress}:${REDIS_PORT}`),
  });
  return { group, urlSecret };
}
