import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

const SIX_DIGITS = /^\d{6}$/;
const SIX_DIGITS_MESSAGE = 'code must be the 6 digits your authenticator app shows now';

export class TotpCodeBody {
  @ApiProperty({ example: '492039', description: 'the 6-digit code of the authenticator app' })
  @Matches(SIX_DIGITS, { message: SIX_DIGITS_MESSAGE })
  code!: string;
}

/** The second step of a log-in: a TOTP code, or one of the recovery codes instead. */
export class MfaVerifyBody {
  @ApiProperty({ example: 'Jq3v8Xw0bN5cR2tY7uE1aK4m', description: 'the mfaToken of the log-in answer', maxLength: 128 })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{16,128}$/, { message: 'mfaToken must be the mfaToken the log-in answered' })
  mfaToken!: string;

  @ApiPropertyOptional({ example: '492039', description: 'the 6-digit code of the authenticator app (or give recoveryCode)' })
  @ValidateIf((body: MfaVerifyBody) => body.recoveryCode === undefined || body.code !== undefined)
  @Matches(SIX_DIGITS, { message: `${SIX_DIGITS_MESSAGE} (or give recoveryCode instead)` })
  code?: string;

  @ApiPropertyOptional({ example: 'k7pm-x2qa-9rtd', description: 'one of the recovery codes, instead of code', maxLength: 32 })
  @ValidateIf((body: MfaVerifyBody) => body.code === undefined)
  @IsString({ message: 'give either code or recoveryCode' })
  @MaxLength(32)
  recoveryCode?: string;
}

/** A step-up: the password, and a current code when MFA is on. */
export class PasswordAndCodeBody {
  @ApiProperty({ format: 'password', example: 'correct horse battery staple', description: 'the account password', maxLength: 256 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password!: string;

  @ApiProperty({ example: '492039', description: 'a current code of the authenticator app' })
  @Matches(SIX_DIGITS, { message: SIX_DIGITS_MESSAGE })
  code!: string;
}
