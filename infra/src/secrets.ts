import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as tls from '@pulumi/tls';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { StackSettings } from './settings';

export interface AppSecrets {
  /** The gateway's ES256 signing key (PEM) in Secrets Manager. */
  jwtPrivateKey: aws.secretsmanager.Secret;
  /** Its public half, which verifies tokens; public, so plain configuration. */
  jwtPublicKey: pulumi.Output<string>;
  quotesIngestApiKey?: aws.secretsmanager.Secret;
  /** The system-wide market-data provider key (MARKET_DATA_API_KEY) for tickers no connected user covers. */
  marketDataApiKey?: aws.secretsmanager.Secret;
}

/**
 * The secrets the apps get through ECS `secrets` (never plain environment
 * variables): the JWT signing key, generated here unless the stack config gives
 * one, the optional quotes ingest key and the optional system market-data key.
 * The database password is RDS's own.
 */
export function createAppSecrets(settings: StackSettings): AppSecrets {
  let privateKeyPem: pulumi.Output<string>;
  let publicKeyPem: pulumi.Output<string>;
  if (settings.jwtPrivateKey) {
    privateKeyPem = settings.jwtPrivateKey;
    publicKeyPem = pulumi.unsecret(settings.jwtPrivateKey.apply(publicKeyOf));
  } else {
    const key = new tls.PrivateKey('jwt-signing-key', { algorithm: 'ECDSA', ecdsaCurve: 'P256' });
    privateKeyPem = key.privateKeyPemPkcs8;
    publicKeyPem = key.publicKeyPem;
  }
  const jwtPrivateKey = storedSecret('jwt-private-key', 'finstack gateway JWT signing key (ES256, PEM)', privateKeyPem);
  // Verifiers pick the key by the token's kid: the current one, and during a rotation the previous one.
  if (settings.jwtPreviousPublicKey) publicKeyPem = pulumi.concat(publicKeyPem, settings.jwtPreviousPublicKey.trim(), '\n');
  const quotesIngestApiKey = settings.quotesIngestApiKey
    ? storedSecret('quotes-ingest-api-key', 'finstack gateway QUOTES_INGEST_API_KEY', settings.quotesIngestApiKey)
    : undefined;
  const marketDataApiKey = settings.marketDataApiKey
    ? storedSecret('market-data-api-key', 'finstack portfolio MARKET_DATA_API_KEY (system-wide market-data provider key)', settings.marketDataApiKey)
    : undefined;
  return { jwtPrivateKey, jwtPublicKey: publicKeyPem, quotesIngestApiKey, marketDataApiKey };
}

function storedSecret(name: string, description: string, value: pulumi.Input<string>): aws.secretsmanager.Secret {
  const secret = new aws.secretsmanager.Secret(name, { description });
  new aws.secretsmanager.SecretVersion(name, { secretId: secret.id, secretString: pulumi.secret(value) });
  return secret;
}

/** The public key of a configured signing key, which must be ES256's curve. */
export function publicKeyOf(privateKeyPem: string): string {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('jwtPrivateKey must be an ECDSA P-256 key (ES256)');
  }
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}
