import * as pulumi from '@pulumi/pulumi';
import { SEALING_ACTIONS } from '../src/secrets-key';
import { ACCOUNT, deploy, MockCloud, valueOf } from './support/mock-cloud';
import { isSecret, T } from './support/types';

const KEY = 'aws:kms/key:Key';
const KEY_POLICY = 'aws:kms/keyPolicy:KeyPolicy';

/* eslint-disable @typescript-eslint/no-explicit-any */
const statements = (cloud: MockCloud): any[] => JSON.parse(cloud.one(KEY_POLICY, 'secrets-key').inputs.policy).Statement;
const environmentOf = (cloud: MockCloud, app: string) => cloud.containers(app).find((container: any) => container.name === app);

describe('the KMS key of libs/crypto', () => {
  let cloud: MockCloud;
  beforeAll(async () => {
    cloud = await deploy();
  });

  it('rotates, and is named as KMS_KEY_ID to the gateway (TOTP secrets) and the portfolio service (market-data keys) alone', async () => {
    expect(cloud.one(KEY, 'secrets-key').inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30 });
    const keyArn = await valueOf(cloud.stack.secretsKeyArn);
    for (const app of ['gateway', 'trx-crud', 'classifier', 'report', 'portfolio', 'var', 'notifications']) {
      const kmsKey = environmentOf(cloud, app).environment.find((variable: any) => variable.name === 'KMS_KEY_ID');
      if (app === 'portfolio' || app === 'gateway') expect(kmsKey).toEqual({ name: 'KMS_KEY_ID', value: keyArn });
      else expect(kmsKey).toBeUndefined();
    }
  });

  it('lets only the gateway and portfolio task roles use it, each only with its own purpose and a user id in the encryption context', () => {
    const users = statements(cloud).filter((statement) => statement.Action.some((action: string) => SEALING_ACTIONS.includes(action)));
    expect(users).toEqual([
      {
        Sid: 'Seal-gateway',
        Effect: 'Allow',
        Principal: { AWS: cloud.one(T.role, 'gateway-task').state.arn },
        Action: SEALING_ACTIONS,
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:EncryptionContext:purpose': ['identity.totp'] },
          Null: { 'kms:EncryptionContext:userId': 'false' },
        },
      },
      {
        Sid: 'Seal-portfolio',
        Effect: 'Allow',
        Principal: { AWS: cloud.one(T.role, 'portfolio-task').state.arn },
        Action: SEALING_ACTIONS,
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:EncryptionContext:purpose': ['market-data.connection'] },
          Null: { 'kms:EncryptionContext:userId': 'false' },
        },
      },
    ]);
  });

  it('lets the account administer the key but not encrypt or decrypt with it', () => {
    const account = statements(cloud).filter((statement) => statement.Principal.AWS === `arn:aws:iam::${ACCOUNT}:root`);
    expect(account).toHaveLength(1);
    const actions: string[] = account[0].Action;
    expect(actions).toContain('kms:Put*');
    for (const forbidden of ['kms:*', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt', 'kms:ReEncrypt*']) expect(actions).not.toContain(forbidden);
  });
});

describe('the system market-data key', () => {
  it('is stored as a secret and given to the portfolio task only, when configured', async () => {
    const cloud = await deploy({ marketDataApiKey: pulumi.secret('system-finnhub-key') });
    const version = cloud.one(T.secretVersion, 'market-data-api-key');
    expect(isSecret(version.inputs.secretString)).toBe(true);
    expect(version.inputs.secretString.value).toBe('system-finnhub-key');
    const secretArn = cloud.one(T.secret, 'market-data-api-key').state.arn;
    expect(environmentOf(cloud, 'portfolio').secrets).toContainEqual({ name: 'MARKET_DATA_API_KEY', valueFrom: secretArn });
    for (const app of ['gateway', 'trx-crud', 'classifier', 'report', 'var', 'notifications']) {
      expect(JSON.stringify(cloud.containers(app))).not.toContain(secretArn);
    }
    // The portfolio's execution role may read it, to start the task with it.
    expect(cloud.one(T.rolePolicy, 'portfolio-execution-secrets').inputs.policy).toContain(secretArn);
    expect(JSON.stringify(cloud.resources.filter((resource) => resource.type !== T.secretVersion).map((r) => r.inputs))).not.toContain('system-finnhub-key');
  });

  it('is absent unless configured', async () => {
    const cloud = await deploy();
    expect(cloud.has(T.secret, 'market-data-api-key')).toBe(false);
    expect(environmentOf(cloud, 'portfolio').secrets.map((secret: any) => secret.name)).not.toContain('MARKET_DATA_API_KEY');
  });
});
