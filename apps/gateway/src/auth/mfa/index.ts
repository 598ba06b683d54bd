import { Envelope, keyWrapperFromSettings } from '@finstack/crypto';
import { Provider } from '@nestjs/common';
import { GatewayEnv } from '../../gateway-env';
import { MfaChallenges } from './mfa-challenges';
import { MfaFactors } from './mfa-factors.service';
import { MfaLoginService } from './mfa-login.service';

export { MfaController } from './mfa.controller';

/** What the auth module adds for MFA (one module with it: the log-in and MFA steps need each other's parts). */
export const MFA_PROVIDERS: Provider[] = [
  MfaChallenges,
  MfaFactors,
  MfaLoginService,
  // Seals TOTP secrets: KMS on AWS, a local key elsewhere (libs/crypto).
  { provide: Envelope, inject: [GatewayEnv], useFactory: (env: GatewayEnv) => new Envelope(keyWrapperFromSettings(env)) },
];
