import * as pulumi from '@pulumi/pulumi';
import { generateKeyPairSync } from 'node:crypto';
import { publicKeyOf } from '../src/secrets';
import { deploy } from './support/mock-cloud';
import { T } from './support/types';

const es256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const privatePem = es256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = es256.publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('a JWT signing key given in the stack config', () => {
  it('is stored as the secret, and its public half goes to the apps', async () => {
    const cloud = await deploy({ jwtPrivateKey: pulumi.secret(privatePem) });
    // No JWT key generated (the apps' own service-token keys are, one each):
    expect(cloud.all('tls:index/privateKey:PrivateKey').map((key) => key.name).filter((name) => !name.endsWith('-service-key'))).toEqual([]);
    expect(cloud.one(T.secretVersion, 'jwt-private-key').inputs.secretString.value).toBe(privatePem);
    const [gateway] = cloud.containers('gateway');
    expect(gateway.environment).toContainEqual({ name: 'JWT_PUBLIC_KEY', value: publicPem });
  });

  it('must be an ES256 key', () => {
    expect(publicKeyOf(privatePem)).toBe(publicPem);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => publicKeyOf(rsa)).toThrow(/ECDSA P-256/);
  });
});
