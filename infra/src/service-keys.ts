import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as tls from '@pulumi/tls';
import { APP_NAMES, AppName, callersOf } from './apps';

/**
 * Each app's own ES256 key for the short-lived service tokens it signs when it
 * calls another service for no user's request (libs/auth service-token.ts).
 * The private half is a secret only that app's task reads; the public halves are
 * plain configuration of the apps they call.
 */
export interface ServiceKeys {
  privateKeySecret: Record<AppName, aws.secretsmanager.Secret>;
  publicKeyPem: Record<AppName, pulumi.Output<string>>;
}

export function createServiceKeys(): ServiceKeys {
  const privateKeySecret = {} as ServiceKeys['privateKeySecret'];
  const publicKeyPem = {} as ServiceKeys['publicKeyPem'];
  for (const name of APP_NAMES) {
    const key = new tls.PrivateKey(`${name}-service-key`, { algorithm: 'ECDSA', ecdsaCurve: 'P256' });
    const secret = new aws.secretsmanager.Secret(`${name}-service-key`, { description: `finstack ${name}: its service-token signing key (ES256, PEM)` });
    new aws.secretsmanager.SecretVersion(`${name}-service-key`, { secretId: secret.id, secretString: pulumi.secret(key.privateKeyPemPkcs8) });
    privateKeySecret[name] = secret;
    publicKeyPem[name] = key.publicKeyPem;
  }
  return { privateKeySecret, publicKeyPem };
}

/** SERVICE_PUBLIC_KEYS of one app: the public keys of the apps that call it (from the call graph), and no others. */
export function publicKeysOfCallers(name: AppName, keys: ServiceKeys): pulumi.Output<string> {
  const callers = callersOf(name);
  return pulumi
    .all(callers.map((caller) => keys.publicKeyPem[caller]))
    .apply((pems) => JSON.stringify(Object.fromEntries(callers.map((caller, index) => [caller, pems[index]]))));
}
