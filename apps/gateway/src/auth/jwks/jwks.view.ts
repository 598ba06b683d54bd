import { ApiProperty } from '@nestjs/swagger';

/** One public key (RFC 7517, an EC P-256 key). */
export class JwkView {
  @ApiProperty({ example: 'EC', description: 'key type' })
  kty!: string;
  @ApiProperty({ example: 'P-256', description: 'curve' })
  crv!: string;
  @ApiProperty({ description: 'the x coordinate, base64url' })
  x!: string;
  @ApiProperty({ description: 'the y coordinate, base64url' })
  y!: string;
  @ApiProperty({ example: 'qJ3mZ8o1b2c3d4e5', description: "the key id an access token's header names" })
  kid!: string;
  @ApiProperty({ enum: ['sig'], enumName: 'JwkUse' })
  use!: 'sig';
  @ApiProperty({ enum: ['ES256'], enumName: 'JwkAlgorithm' })
  alg!: 'ES256';
}

export class JwksView {
  @ApiProperty({ type: [JwkView], description: 'the current signing key first; during a rotation, also the previous one' })
  keys!: JwkView[];
}
