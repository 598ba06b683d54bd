import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, Length, Matches, MaxLength } from 'class-validator';

/** As at registration: at least 10 characters, and at most 256 so nobody makes the server hash megabytes. */
const NEW_PASSWORD = { example: 'plum orbit cascade 47', minLength: 10, maxLength: 256, format: 'password', description: 'must also pass the strength check (zxcvbn score ≥ 3)' };

export class ChangePasswordBody {
  @ApiProperty({ example: 'correct horse battery staple', maxLength: 256, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty(NEW_PASSWORD)
  @IsString()
  @Length(10, 256)
  newPassword!: string;
}

export class ForgotPasswordBody {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class ResetPasswordBody {
  @ApiProperty({ example: 'q0Vd3c8XlJ2m7Rk4sT9wYb1nE5aH6pZu', description: "the mailed link's token (…/reset-password?token=…)", maxLength: 128 })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{16,128}$/, { message: "token must be the mailed link's token" })
  token!: string;

  @ApiProperty(NEW_PASSWORD)
  @IsString()
  @Length(10, 256)
  newPassword!: string;
}
