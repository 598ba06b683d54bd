import { jwksOf, SigningKeys, VerificationKeys } from '@finstack/auth';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../openapi/api-route.decorator';
import { JwksView } from './jwks.view';

/** The public keys that verify access tokens, for anyone who verifies them outside finstack's own apps. */
@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  private readonly jwks: JwksView;

  constructor(keys: SigningKeys) {
    this.jwks = jwksOf(VerificationKeys.fromPem(keys.verificationPem));
  }

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiRoute({
    summary: "The public keys of the access tokens' signatures (JWKS, RFC 7517); a token's header names its key by kid",
    type: JwksView,
    errors: [429],
  })
  keys(): JwksView {
    return this.jwks;
  }
}
