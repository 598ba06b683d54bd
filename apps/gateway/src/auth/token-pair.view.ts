import { ApiProperty } from '@nestjs/swagger';
import { ACCESS_TOKEN_TTL_SECONDS } from './access-token.issuer';

export class TokenPair {
  @ApiProperty({ description: 'ES256 JWT for `Authorization: Bearer`' })
  accessToken!: string;

  @ApiProperty({
    required: false,
    description: 'Opaque; good for one exchange at POST /auth/refresh, within 30 days. Absent in cookie mode, where it travels in the httpOnly cookie',
  })
  refreshToken!: string;

  @ApiProperty({ example: ACCESS_TOKEN_TTL_SECONDS, description: 'Lifetime of the access token in seconds' })
  expiresIn!: number;

  @ApiProperty({ enum: ['Bearer'], enumName: 'TokenType' })
  tokenType!: 'Bearer';
}
