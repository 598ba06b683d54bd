import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of POST /auth/refresh and POST /auth/logout. */
export class RefreshTokenBody {
  @ApiProperty({ example: 'Mx2b3Rk0rJ3lM9o5Qp7yX1v4Zs8Tn6Wd', description: 'The refresh token of the last log-in or refresh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  refreshToken!: string;
}
