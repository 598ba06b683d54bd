import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

/** What the var service does with price histories: HeadBucket and ListObjectsV2, GetObject, PutObject. */
export const PRICE_BUCKET_ACTIONS = { bucket: ['s3:ListBucket'], objects: ['s3:GetObject', 's3:PutObject'] };

export interface PriceBucket {
  bucket: aws.s3.Bucket;
}

/**
 * The price histories: private (public access blocked on all four counts, ACLs
 * off), versioned so an overwritten history can be recovered, encrypted at rest.
 */
export function createPriceBucket(): PriceBucket {
  const bucket = new aws.s3.Bucket('prices', { forceDestroy: false });
  new aws.s3.BucketOwnershipControls('prices', { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
  new aws.s3.BucketPublicAccessBlock('prices', {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new aws.s3.BucketVersioning('prices', { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });
  new aws.s3.BucketServerSideEncryptionConfiguration('prices', {
    bucket: bucket.id,
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' }, bucketKeyEnabled: true }],
  });
  return { bucket };
}

/**
 * Only the var task role may read and write the bucket: every other principal of
 * the account is denied its data, whatever its IAM policies say, and plain HTTP
 * is refused. The bucket's settings stay manageable by the deployer.
 */
export function restrictPriceBucket(prices: PriceBucket, readerWriterRoleArn: pulumi.Input<string>): aws.s3.BucketPolicy {
  const { bucket } = prices;
  const dataActions = [...PRICE_BUCKET_ACTIONS.bucket, ...PRICE_BUCKET_ACTIONS.objects, 's3:DeleteObject', 's3:GetObjectVersion'];
  return new aws.s3.BucketPolicy('prices', {
    bucket: bucket.id,
    policy: pulumi.jsonStringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'OnlyTheVarService',
          Effect: 'Deny',
          Principal: '*',
          Action: dataActions,
          Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`],
          Condition: { ArnNotEquals: { 'aws:PrincipalArn': readerWriterRoleArn } },
        },
        {
          Sid: 'TlsOnly',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    }),
  });
}
