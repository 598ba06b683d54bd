#!/usr/bin/env bash
# Runs one Fargate task to its end and fails unless it exits 0: the deployment's
# one-off jobs (infra/src/database-users.ts). Needs the AWS CLI and
# CLUSTER, TASK_DEFINITION, SUBNETS (comma-separated), SECURITY_GROUP, AWS_REGION.
set -euo pipefail
task=$(aws ecs run-task --region "$AWS_REGION" --cluster "$CLUSTER" --task-definition "$TASK_DEFINITION" \
  --launch-type FARGATE --started-by pulumi \
  --network-configuration "awsvpcConfiguration={subnets=[$SUBNETS],securityGroups=[$SECURITY_GROUP],assignPublicIp=DISABLED}" \
  --query 'tasks[0].taskArn' --output text)
echo "started $task"
aws ecs wait tasks-stopped --region "$AWS_REGION" --cluster "$CLUSTER" --tasks "$task"
code=$(aws ecs describe-tasks --region "$AWS_REGION" --cluster "$CLUSTER" --tasks "$task" \
  --query 'tasks[0].containers[0].exitCode' --output text)
echo "$task exited with $code"
[ "$code" = "0" ]
