import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Body of POST /auth/refresh and POST /auth/logout; empty in cookie mode (refresh-cookie.ts). */
export class RefreshTokenBody {
  @ApiProperty({
    required: false,
    description: 'The refresh token of the last log-in or refresh; leave out in cookie mode (header X-Finstack-Auth: cookie)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  refreshToken?: string;
}
