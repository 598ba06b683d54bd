import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export const VPC_CIDR = '10.40.0.0/16';
const PUBLIC_CIDRS = ['10.40.0.0/20', '10.40.16.0/20'];
const PRIVATE_CIDRS = ['10.40.128.0/20', '10.40.144.0/20'];

export interface Network {
  vpc: aws.ec2.Vpc;
  /** The load balancer and the NAT gateways. */
  publicSubnetIds: pulumi.Output<string>[];
  /** Tasks, the database and Redis: no route from the internet. */
  privateSubnetIds: pulumi.Output<string>[];
}

/**
 * A VPC over two availability zones: a public and a private subnet in each. The
 * private subnets reach out (images, Secrets Manager, CloudWatch, X-Ray) through
 * a NAT gateway in their own zone, so losing one zone leaves the other working;
 * S3 through a gateway endpoint.
 */
export function createNetwork(): Network {
  const zones = aws.getAvailabilityZonesOutput({ state: 'available' }).names;
  const vpc = new aws.ec2.Vpc('finstack', {
    cidrBlock: VPC_CIDR,
    enableDnsHostnames: true,
    enableDnsSupport: true,
    tags: { Name: 'finstack' },
  });
  const internet = new aws.ec2.InternetGateway('finstack', { vpcId: vpc.id });
  const publicRoutes = new aws.ec2.RouteTable('public', {
    vpcId: vpc.id,
    routes: [{ cidrBlock: '0.0.0.0/0', gatewayId: internet.id }],
  });

  const publicSubnetIds: pulumi.Output<string>[] = [];
  const privateSubnetIds: pulumi.Output<string>[] = [];
  const privateRouteTableIds: pulumi.Output<string>[] = [];
  PUBLIC_CIDRS.forEach((cidrBlock, zone) => {
    const availabilityZone = zones.apply((names) => {
      if (names.length < 2) throw new Error(`the region offers ${names.length} availability zone(s); finstack needs 2`);
      return names[zone];
    });
    const publicSubnet = new aws.ec2.Subnet(`public-${zone}`, {
      vpcId: vpc.id,
      cidrBlock,
      availabilityZone,
      mapPublicIpOnLaunch: false,
      tags: { Name: `finstack-public-${zone}` },
    });
    new aws.ec2.RouteTableAssociation(`public-${zone}`, { subnetId: publicSubnet.id, routeTableId: publicRoutes.id });

    const natAddress = new aws.ec2.Eip(`nat-${zone}`, { domain: 'vpc' });
    const nat = new aws.ec2.NatGateway(`nat-${zone}`, { subnetId: publicSubnet.id, allocationId: natAddress.id }, { dependsOn: [internet] });
    const privateSubnet = new aws.ec2.Subnet(`private-${zone}`, {
      vpcId: vpc.id,
      cidrBlock: PRIVATE_CIDRS[zone],
      availabilityZone,
      mapPublicIpOnLaunch: false,
      tags: { Name: `finstack-private-${zone}` },
    });
    const privateRoutes = new aws.ec2.RouteTable(`private-${zone}`, {
      vpcId: vpc.id,
      routes: [{ cidrBlock: '0.0.0.0/0', natGatewayId: nat.id }],
    });
    new aws.ec2.RouteTableAssociation(`private-${zone}`, { subnetId: privateSubnet.id, routeTableId: privateRoutes.id });

    publicSubnetIds.push(publicSubnet.id);
    privateSubnetIds.push(privateSubnet.id);
    privateRouteTableIds.push(privateRoutes.id);
  });

  const region = aws.getRegionOutput().region;
  new aws.ec2.VpcEndpoint('s3', {
    vpcId: vpc.id,
    serviceName: pulumi.interpolate`com.amazonaws.${region}.s3`,
    vpcEndpointType: 'Gateway',
    routeTableIds: privateRouteTableIds,
  });

  return { vpc, publicSubnetIds, privateSubnetIds };
}
