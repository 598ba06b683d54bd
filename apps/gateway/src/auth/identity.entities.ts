import { EmailVerificationEntity } from './email-verification.entity';
import { PasswordResetEntity } from './passwords/password-reset.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity } from './sessions/session.entity';
import { UserEntity } from './user.entity';

/** Every entity of the identity schema, owned by the gateway. */
export const IDENTITY_ENTITIES = [UserEntity, RefreshTokenEntity, EmailVerificationEntity, SessionEntity, PasswordResetEntity];
