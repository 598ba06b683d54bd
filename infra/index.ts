/**
 * finstack on AWS. Settings: `pulumi config` (README "Deploy to AWS");
 * the resources: src/stack.ts.
 */
import { readSettings } from './src/settings';
import { createStack } from './src/stack';

const stack = createStack(readSettings());

export const url = stack.url;
export const clusterName = stack.clusterName;
export const priceBucket = stack.priceBucket;
export const databaseEndpoint = stack.databaseEndpoint;
export const repositoryUrls = stack.repositoryUrls;
export const gatewayTaskDefinition = stack.services.gateway.taskDefinition.arn;
/** With CodeDeploy: where to send a new gateway revision (`aws deploy create-deployment`). */
export const gatewayCodeDeploy = stack.gatewayDeployment && {
  application: stack.gatewayDeployment.application.name,
  deploymentGroup: stack.gatewayDeployment.group.deploymentGroupName,
  appSpec: stack.gatewayDeployment.appSpec(stack.services.gateway.taskDefinition.arn),
};
