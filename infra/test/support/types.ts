/** Pulumi type tokens of the resources the tests look into. */
export const T = {
  vpc: 'aws:ec2/vpc:Vpc',
  subnet: 'aws:ec2/subnet:Subnet',
  routeTable: 'aws:ec2/routeTable:RouteTable',
  natGateway: 'aws:ec2/natGateway:NatGateway',
  internetGateway: 'aws:ec2/internetGateway:InternetGateway',
  securityGroup: 'aws:ec2/securityGroup:SecurityGroup',
  ingress: 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule',
  egress: 'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule',
  loadBalancer: 'aws:lb/loadBalancer:LoadBalancer',
  targetGroup: 'aws:lb/targetGroup:TargetGroup',
  listener: 'aws:lb/listener:Listener',
  listenerRule: 'aws:lb/listenerRule:ListenerRule',
  cluster: 'aws:ecs/cluster:Cluster',
  namespace: 'aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace',
  discoveryService: 'aws:servicediscovery/service:Service',
  service: 'aws:ecs/service:Service',
  taskDefinition: 'aws:ecs/taskDefinition:TaskDefinition',
  logGroup: 'aws:cloudwatch/logGroup:LogGroup',
  role: 'aws:iam/role:Role',
  rolePolicy: 'aws:iam/rolePolicy:RolePolicy',
  image: 'awsx:ecr:Image',
  scalingTarget: 'aws:appautoscaling/target:Target',
  scalingPolicy: 'aws:appautoscaling/policy:Policy',
  database: 'aws:rds/instance:Instance',
  redis: 'aws:elasticache/replicationGroup:ReplicationGroup',
  bucket: 'aws:s3/bucket:Bucket',
  publicAccessBlock: 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock',
  versioning: 'aws:s3/bucketVersioning:BucketVersioning',
  encryption: 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
  bucketPolicy: 'aws:s3/bucketPolicy:BucketPolicy',
  secret: 'aws:secretsmanager/secret:Secret',
  secretVersion: 'aws:secretsmanager/secretVersion:SecretVersion',
  codeDeployApp: 'aws:codedeploy/application:Application',
  deploymentGroup: 'aws:codedeploy/deploymentGroup:DeploymentGroup',
  alarm: 'aws:cloudwatch/metricAlarm:MetricAlarm',
  topic: 'aws:sns/topic:Topic',
  subscription: 'aws:sns/topicSubscription:TopicSubscription',
  dashboard: 'aws:cloudwatch/dashboard:Dashboard',
} as const;

/** Pulumi's marker of a secret value in serialized inputs. */
export const SECRET_SIGNATURE = '1b47061264138c4ac30d75fd1eb44270';
export function isSecret(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)['4dabf18193072939515e22adb298388d'] === SECRET_SIGNATURE;
}
