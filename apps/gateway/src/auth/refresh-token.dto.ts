import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Body of POST /auth/refresh and POST /auth/logout; empty in cookie mode (refresh-cookie.ts). */
export class RefreshTokenBody {
  @ApiProperty({
    required: false,
    example: 'Mx2b3Rk0rJ3lM9o5Qp7yX1v4Zs8Tn6Wd',
    description: 'The refresh token of the last log-in or refresh; leave out in cookie mode (header X-Finstack-Auth: cookie)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  refreshToken?: string;
}
