import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { AppName } from './apps';

/**
 * Who seals secrets with libs/crypto, and for which purposes (the `purpose`
 * of their EncryptionContext): the gateway, the users' TOTP secrets
 * (apps/gateway/src/auth/mfa); the portfolio service, the users' market-data
 * API keys (apps/portfolio/src/connections).
 */
export const SEALED_SECRET_PURPOSES: Partial<Record<AppName, string[]>> = {
  gateway: ['identity.totp'],
  portfolio: ['market-data.connection'],
};

/** What libs/crypto's KMS key wrapper calls: data keys, their unwrapping, and re-wrapping on rotation. */
export const SEALING_ACTIONS = ['kms:GenerateDataKey', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'];

/** Managing the key, never using it: the account can fix the policy, not open secrets. */
const KEY_ADMIN_ACTIONS = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];

/** The key-encryption key of libs/crypto (KMS_KEY_ID), rotated yearly by KMS. */
export function createSecretsKey(): aws.kms.Key {
  return new aws.kms.Key('secrets-key', {
    description: 'finstack: wraps the data keys of secrets sealed at rest (libs/crypto)',
    enableKeyRotation: true,
    deletionWindowInDays: 30,
  });
}

/**
 * The key's policy, once the task roles exist: the account administers it,
 * and only the task roles of SEALED_SECRET_PURPOSES may use it, each only
 * with its own purposes and a user id in the EncryptionContext.
 */
export function restrictSecretsKey(key: aws.kms.Key, taskRoleArns: Partial<Record<AppName, pulumi.Input<string>>>): aws.kms.KeyPolicy {
  const accountId = aws.getCallerIdentityOutput().accountId;
  const users = Object.entries(SEALED_SECRET_PURPOSES).flatMap(([app, purposes]) => {
    const roleArn = taskRoleArns[app as AppName];
    if (!roleArn) throw new Error(`no task role for ${app}, which seals secrets`);
    return [
      {
        Sid: `Seal-${app}`,
        Effect: 'Allow',
        Principal: { AWS: roleArn },
        Action: SEALING_ACTIONS,
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:EncryptionContext:purpose': purposes },
          Null: { 'kms:EncryptionContext:userId': 'false' },
        },
      },
    ];
  });
  return new aws.kms.KeyPolicy('secrets-key', {
    keyId: key.id,
    policy: pulumi.jsonStringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'AdministerOnly', Effect: 'Allow', Principal: { AWS: pulumi.interpolate`arn:aws:iam::${accountId}:root` }, Action: KEY_ADMIN_ACTIONS, Resource: '*' },
        ...users,
      ],
    }),
  });
}
