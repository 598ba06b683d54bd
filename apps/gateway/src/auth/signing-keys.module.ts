import { Module } from '@nestjs/common';
import { GatewayEnv } from '../gateway-env';
import { loadSigningKeys, SigningKeys } from '@finstack/auth';

/** Provides the one SigningKeys of the gateway, to the token issuer and to the token verifier. */
@Module({
  providers: [
    {
      provide: SigningKeys,
      inject: [GatewayEnv],
      useFactory: (env: GatewayEnv) =>
        loadSigningKeys({
          privateKeyPem: env.JWT_PRIVATE_KEY,
          publicKeyPem: env.JWT_PUBLIC_KEY,
          dataDir: env.DATA_DIR,
          production: env.NODE_ENV === 'production',
        }),
    },
  ],
  exports: [SigningKeys],
})
export class SigningKeysModule {}
