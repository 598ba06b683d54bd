import { JwtVerificationModule, SigningKeys } from '@finstack/auth';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GatewayEnv } from '../gateway-env';
import { AccessTokenIssuer } from './access-token.issuer';
import { AccountDeletionController } from './account-deletion/account-deletion.controller';
import { AccountDeletionService } from './account-deletion/account-deletion.service';
import { LiveAccountInterceptor, LiveAccounts } from './account-deletion/live-accounts';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { EmailVerificationService } from './email-verification.service';
import { IDENTITY_ENTITIES } from './identity.entities';
import { JwksController } from './jwks/jwks.controller';
import { LoginLimitGuard } from './login-limit.guard';
import { LoginService } from './login.service';
import { MFA_PROVIDERS, MfaController } from './mfa';
import { PasswordHasher } from './password-hasher.service';
import { PasswordChangeService } from './passwords/password-change.service';
import { PasswordResetService } from './passwords/password-reset.service';
import { PasswordStrength } from './passwords/password-strength';
import { PasswordsController } from './passwords/passwords.controller';
import { RefreshTokenPurge } from './sessions/refresh-token-purge';
import { SessionsController } from './sessions/sessions.controller';
import { AccountSettingsController } from './sign-in-alerts/account-settings.controller';
import { SignInsService } from './sign-in-alerts/sign-ins.service';
import { SessionsService } from './sessions.service';
import { SigningKeysModule } from './signing-keys.module';
import { VerificationController } from './verification.controller';

/**
 * Accounts and sessions. Also registers access-token verification, so that
 * JwtAuthGuard works on every controller of the gateway.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    SigningKeysModule,
    JwtVerificationModule.registerAsync({
      imports: [SigningKeysModule],
      inject: [SigningKeys, GatewayEnv],
      useFactory: (keys: SigningKeys, env: GatewayEnv) => ({ publicKey: keys.verificationPem, issuer: env.JWT_ISSUER }),
    }),
  ],
  controllers: [
    AuthController,
    VerificationController,
    PasswordsController,
    SessionsController,
    AccountSettingsController,
    MfaController,
    AccountDeletionController,
    JwksController,
  ],
  providers: [
    AccountsService,
    EmailVerificationService,
    LoginService,
    SessionsService,
    PasswordHasher,
    AccessTokenIssuer,
    PasswordStrength,
    PasswordChangeService,
    PasswordResetService,
    SignInsService,
    LoginLimitGuard,
    ...MFA_PROVIDERS,
    AccountDeletionService,
    LiveAccounts,
    { provide: APP_INTERCEPTOR, useClass: LiveAccountInterceptor },
    RefreshTokenPurge,
  ],
  exports: [JwtVerificationModule],
})
export class AuthModule {}
