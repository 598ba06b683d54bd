import * as aws from '@pulumi/aws';
import * as awsx from '@pulumi/awsx';
import * as pulumi from '@pulumi/pulumi';
import * as path from 'node:path';
import { AppName } from './apps';

/** The repository root: the build context of docker/Dockerfile. */
const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
const KEPT_IMAGES = 20;

/**
 * One app's image, built from docker/Dockerfile with `APP=<app>` and pushed to
 * the app's own ECR repository (scanned on push; the last 20 images kept, so a
 * rollback to a recent one is a redeploy of its tag).
 */
export function appImage(app: AppName): { repository: aws.ecr.Repository; imageUri: pulumi.Output<string> } {
  const repository = new aws.ecr.Repository(app, {
    imageScanningConfiguration: { scanOnPush: true },
    imageTagMutability: 'MUTABLE',
    encryptionConfigurations: [{ encryptionType: 'AES256' }],
    forceDelete: false,
  });
  new aws.ecr.LifecyclePolicy(app, {
    repository: repository.name,
    policy: JSON.stringify({
      rules: [
        {
          rulePriority: 1,
          description: `keep the last ${KEPT_IMAGES} images`,
          selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: KEPT_IMAGES },
          action: { type: 'expire' },
        },
      ],
    }),
  });
  const image = new awsx.ecr.Image(app, {
    repositoryUrl: repository.repositoryUrl,
    context: REPOSITORY_ROOT,
    dockerfile: path.join(REPOSITORY_ROOT, 'docker', 'Dockerfile'),
    platform: 'linux/amd64',
    args: { APP: app },
  });
  return { repository, imageUri: image.imageUri };
}
