import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

/** Either the mailed link's token, or the address and the mailed 6-digit code. */
export class VerifyEmailBody {
  @ApiPropertyOptional({ example: 'q0Vd3c8XlJ2m7Rk4sT9wYb1nE5aH6pZu', description: "the link's token (…/verify-email?token=…)", maxLength: 128 })
  // Checked whenever present (the token wins when both are sent), and required when email and code are absent.
  @ValidateIf((body: VerifyEmailBody) => body.token !== undefined || (body.email === undefined && body.code === undefined))
  @IsString({ message: 'give either token, or email and code' })
  @Matches(/^[A-Za-z0-9_-]{16,128}$/, { message: "token must be the link's token as mailed" })
  token?: string;

  @ApiPropertyOptional({ example: 'ada@example.com', maxLength: 254 })
  @ValidateIf((body: VerifyEmailBody) => body.token === undefined)
  @IsEmail({}, { message: 'email must be an email address (or give token instead)' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '042917', description: 'the 6-digit code of the mail' })
  @ValidateIf((body: VerifyEmailBody) => body.token === undefined)
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits of the mail (or give token instead)' })
  code?: string;
}

export class EmailOnlyBody {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class VerifiedView {
  @ApiProperty({ example: 'your email address is confirmed; you can log in' })
  message!: string;
}

