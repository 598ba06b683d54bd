import * as pulumi from '@pulumi/pulumi';
import { APPS, AppName } from './apps';
import { DATABASE_PORT } from './database';
import { MailSettings } from './mail';
import { SEALED_SECRET_PURPOSES } from './secrets-key';

/** Where the OpenTelemetry sidecar takes OTLP over HTTP: the task's own loopback. */
export const OTLP_ENDPOINT = 'http://localhost:4318';
const ALL_INTERFACES = '0.0.0.0';

/** What the environment of the apps is made from. */
export interface EnvironmentSources {
  region: pulumi.Input<string>;
  /** The name under which a TCP service is reached (Service Connect alias or DNS name). */
  hostOf: (app: AppName) => string;
  databaseHost: pulumi.Input<string>;
  /** Each schema owner's own MySQL user and its secret (JSON with `password`); never the master's. */
  databaseUsers: Partial<Record<AppName, { user: string; secret: { arn: pulumi.Input<string> } }>>;
  jwtPrivateKeySecretArn: pulumi.Input<string>;
  jwtPublicKey: pulumi.Input<string>;
  /** This app's service-token signing key (a secret) and the public keys of the apps that call it (JSON). */
  serviceKey: { privateKeySecretArn: pulumi.Input<string>; callerPublicKeys: pulumi.Input<string> };
  quotesIngestApiKeySecretArn?: pulumi.Input<string>;
  marketDataApiKeySecretArn?: pulumi.Input<string>;
  /** The KMS key of libs/crypto, for the apps that seal secrets. */
  secretsKeyArn: pulumi.Input<string>;
  redisUrlSecretArn: pulumi.Input<string>;
  priceBucket: pulumi.Input<string>;
  operatorEmails: string[];
  /** The gateway's SES sender, when configured. */
  mail?: MailSettings;
  /** OTEL_TRACES_SAMPLER_ARG: the share of request traces kept (parent-based, so a call follows its caller). */
  traceSampleRatio: number;
}

export interface AppEnvironment {
  /** Plain variables: nothing secret. */
  variables: Record<string, pulumi.Input<string>>;
  /** Variables ECS fills from Secrets Manager when the task starts. */
  secrets: Record<string, SecretReference>;
}

export interface SecretReference {
  secretArn: pulumi.Input<string>;
  /** A key of a JSON secret (RDS's `{username, password}`); the whole value otherwise. */
  jsonKey?: string;
}

/** ECS's `valueFrom`: the secret's ARN, or `arn:json-key:version-stage:version-id` for one key of it. */
export function valueFrom(reference: SecretReference): pulumi.Output<string> {
  return reference.jsonKey
    ? pulumi.interpolate`${reference.secretArn}:${reference.jsonKey}::`
    : pulumi.output(reference.secretArn);
}

/**
 * The environment of one app's container, in the variables README
 * "Configuration" lists: it binds on all interfaces, reaches the services it
 * calls by name, connects to its own schema as its own user over TLS, and
 * sends traces to the sidecar.
 */
export function appEnvironment(name: AppName, sources: EnvironmentSources): AppEnvironment {
  const app = APPS[name];
  const variables: Record<string, pulumi.Input<string>> = {
    APP: name,
    NODE_ENV: 'production',
    LOG_FORMAT: 'json',
    OTEL_EXPORTER_OTLP_ENDPOINT: OTLP_ENDPOINT,
    OTEL_SERVICE_NAME: `finstack-${name}`,
    OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    OTEL_TRACES_SAMPLER_ARG: String(sources.traceSampleRatio),
  };
  const secrets: Record<string, SecretReference> = {};
  // Every app verifies the user token the gateway forwards, and signs its own service tokens.
  variables.JWT_PUBLIC_KEY = sources.jwtPublicKey;
  variables.SERVICE_PUBLIC_KEYS = sources.serviceKey.callerPublicKeys;
  secrets.SERVICE_PRIVATE_KEY = { secretArn: sources.serviceKey.privateKeySecretArn };

  for (const called of app.calls) {
    const tcp = APPS[called].tcp!;
    variables[tcp.hostVariable] = sources.hostOf(called);
    variables[tcp.portVariable] = String(tcp.port);
  }
  for (const endpoint of [app.http, app.tcp]) {
    if (!endpoint) continue;
    variables[endpoint.hostVariable] = ALL_INTERFACES;
    variables[endpoint.portVariable] = String(endpoint.port);
  }
  const databaseUser = sources.databaseUsers[name];
  if (app.schema && databaseUser) {
    variables.DATABASE_URL = pulumi.interpolate`mysql://${databaseUser.user}@${sources.databaseHost}:${DATABASE_PORT}/${app.schema}`;
    variables.DATABASE_TLS = 'rds';
    secrets.DATABASE_PASSWORD = { secretArn: databaseUser.secret.arn, jsonKey: 'password' };
  }
  if (name === 'gateway') {
    variables.TRUST_PROXY_HOPS = '1';
    variables.OPERATOR_EMAILS = sources.operatorEmails.join(',');
    secrets.JWT_PRIVATE_KEY = { secretArn: sources.jwtPrivateKeySecretArn };
    if (sources.quotesIngestApiKeySecretArn) secrets.QUOTES_INGEST_API_KEY = { secretArn: sources.quotesIngestApiKeySecretArn };
    if (sources.mail) {
      // SES with the task role's credentials; the role may send From this address only (infra/src/mail.ts).
      variables.MAIL_TRANSPORT = 'ses';
      variables.MAIL_FROM = sources.mail.from;
      variables.SES_REGION = sources.region;
    }
  }
  if (name in SEALED_SECRET_PURPOSES) variables.KMS_KEY_ID = sources.secretsKeyArn;
  if (name === 'portfolio' && sources.marketDataApiKeySecretArn) secrets.MARKET_DATA_API_KEY = { secretArn: sources.marketDataApiKeySecretArn };
  if (app.redis) secrets.REDIS_URL = { secretArn: sources.redisUrlSecretArn };
  if (name === 'var') {
    // The durable job queue (BullMQ), shared by every var task.
    secrets.REDIS_URL = { secretArn: sources.redisUrlSecretArn };
    variables.OBJECT_STORE = 's3';
    variables.S3_BUCKET = sources.priceBucket;
    variables.S3_REGION = sources.region;
  }
  return { variables, secrets };
}
