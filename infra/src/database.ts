import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { Network } from './network';
import { SecurityGroups } from './security-groups';
import { StackSettings } from './settings';

export const DATABASE_USER = 'finstack';
export const DATABASE_PORT = 3306;

export interface Database {
  instance: aws.rds.Instance;
  host: pulumi.Output<string>;
  /** The RDS-managed master secret: JSON `{username, password}`, rotated by RDS. */
  secretArn: pulumi.Output<string>;
}

/**
 * One RDS MySQL instance for every app's schema: Multi-AZ, encrypted, private,
 * TLS only, with the master password made and kept by RDS in Secrets Manager
 * (it never passes through this program or its state, and reaches only the
 * one-off task that makes the apps' own users) and 7 days of backups.
 */
export function createDatabase(network: Network, groups: SecurityGroups, settings: StackSettings): Database {
  const subnets = new aws.rds.SubnetGroup('database', { subnetIds: network.privateSubnetIds });
  // Every connection must be TLS: the apps verify the server against the RDS CA bundle (DATABASE_TLS=rds).
  const parameters = new aws.rds.ParameterGroup('database', {
    family: parameterGroupFamily(settings.dbEngineVersion),
    description: 'finstack MySQL: TLS required',
    parameters: [{ name: 'require_secure_transport', value: '1' }],
  });
  const instance = new aws.rds.Instance('database', {
    engine: 'mysql',
    engineVersion: settings.dbEngineVersion,
    instanceClass: settings.dbInstanceClass,
    allocatedStorage: settings.dbAllocatedStorageGb,
    maxAllocatedStorage: settings.dbAllocatedStorageGb * 5,
    storageType: 'gp3',
    storageEncrypted: true,
    multiAz: true,
    publiclyAccessible: false,
    dbSubnetGroupName: subnets.name,
    parameterGroupName: parameters.name,
    vpcSecurityGroupIds: [groups.database.id],
    port: DATABASE_PORT,
    username: DATABASE_USER,
    manageMasterUserPassword: true,
    backupRetentionPeriod: 7,
    copyTagsToSnapshot: true,
    autoMinorVersionUpgrade: true,
    deletionProtection: settings.protectData,
    skipFinalSnapshot: !settings.protectData,
    finalSnapshotIdentifier: settings.protectData ? `finstack-${pulumi.getStack().replace(/[^A-Za-z0-9-]/g, '-')}-final` : undefined,
  });
  const secretArn = instance.masterUserSecrets.apply((secrets) => {
    const arn = secrets?.[0]?.secretArn;
    if (!arn) throw new Error('RDS returned no master user secret');
    return arn;
  });
  return { instance, host: instance.address, secretArn };
}

/** RDS's parameter group family of an engine version: `8.4` and `8.4.3` are `mysql8.4`. */
export function parameterGroupFamily(engineVersion: string): string {
  const [major, minor] = engineVersion.split('.');
  return `mysql${major}.${minor ?? '0'}`;
}
