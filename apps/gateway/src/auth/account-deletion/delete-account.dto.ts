import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

/** Deleting the account: the password, and a current code when MFA is on. */
export class DeleteAccountBody {
  @ApiProperty({ format: 'password', example: 'correct horse battery staple', description: 'the account password', maxLength: 256 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password!: string;

  @ApiPropertyOptional({ example: '492039', description: 'a current code of the authenticator app; required when MFA is on' })
  @ValidateIf((body: DeleteAccountBody) => body.code !== undefined)
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your authenticator app shows now' })
  code?: string;
}
