import { EmailVerificationEntity } from './email-verification.entity';
import { MFA_ENTITIES } from './mfa/mfa.entities';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';

/** Every entity of the identity schema, owned by the gateway. */
export const IDENTITY_ENTITIES = [UserEntity, RefreshTokenEntity, EmailVerificationEntity, ...MFA_ENTITIES];
