import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import { DomainError, ErrorCode } from '@finstack/contracts';
import { Body, Controller, Delete, HttpCode, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { Repository } from 'typeorm';
import { ApiRoute } from '../../openapi/api-route.decorator';
import { RateLimited } from '../../rate-limits/rate-limit.guard';
import { COOKIE_MODE_DOC, CookieModePair, inCookieMode } from '../refresh-cookie';
import { TokenPair } from '../token-pair.view';
import { UserEntity } from '../user.entity';
import { MfaFactors } from './mfa-factors.service';
import { MfaLoginService } from './mfa-login.service';
import { MfaVerifyBody, PasswordAndCodeBody, TotpCodeBody } from './mfa.dto';
import { RecoveryCodesView, TotpEnrolmentView } from './mfa.views';

@ApiTags('auth')
@Controller('auth/mfa')
export class MfaController {
  constructor(
    private readonly factors: MfaFactors,
    private readonly mfaLogins: MfaLoginService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  @Post('totp')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiRoute({
    summary: 'Start TOTP enrolment: a secret for the authenticator app',
    description: 'MFA is not on until POST /auth/mfa/totp/confirm gets a first code; starting again replaces an unconfirmed secret.',
    status: 201,
    type: TotpEnrolmentView,
    errors: [401, 409, 503],
  })
  async enrol(@CurrentUser() caller: AuthUser): Promise<TotpEnrolmentView> {
    return this.factors.beginEnrolment(await this.account(caller));
  }

  @Post('totp/confirm')
  @HttpCode(HttpStatus.OK)
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiRoute({
    summary: 'Confirm TOTP enrolment with a first code: MFA turns on',
    description: 'Answers the 10 recovery codes, once: they are stored hashed and never shown again.',
    type: RecoveryCodesView,
    errors: [400, 401, 409, 503],
  })
  async confirm(@CurrentUser() caller: AuthUser, @Body() body: TotpCodeBody): Promise<RecoveryCodesView> {
    return this.factors.confirm((await this.account(caller)).id, body.code);
  }

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @RateLimited('verify')
  @ApiRoute({
    summary: 'Second step of a log-in with MFA: a TOTP code or a recovery code gives the tokens',
    description:
      'Answers like POST /auth/login (cookie mode included). 400 MFA_CODE_INVALID for a wrong or already used code; ' +
      'the fifth wrong code, an expired (5 minutes) or an already used mfaToken give 401 MFA_CHALLENGE_INVALID: sign in again.',
    type: TokenPair,
    errors: [400, 401, 413, 429, 503],
  })
  @ApiHeader(COOKIE_MODE_DOC)
  async verify(
    @Body() body: MfaVerifyBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenPair | CookieModePair> {
    return inCookieMode(request, response, await this.mfaLogins.verify(body));
  }

  @Delete('totp')
  @HttpCode(HttpStatus.NO_CONTENT)
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @RateLimited('verify')
  @ApiRoute({
    summary: 'Turn MFA off (password and a current code)',
    description: 'The authenticator and the recovery codes are removed. 400 REAUTHENTICATION_FAILED for a wrong password or code.',
    status: 204,
    errors: [400, 401, 409, 429, 503],
  })
  async disable(@CurrentUser() caller: AuthUser, @Body() body: PasswordAndCodeBody): Promise<void> {
    await this.factors.disable(await this.account(caller), body.password, body.code);
  }

  @Post('recovery-codes')
  @HttpCode(HttpStatus.OK)
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @RateLimited('verify')
  @ApiRoute({
    summary: 'Replace the recovery codes (password and a current code)',
    description: 'The 10 new codes are answered once; every older code stops working.',
    type: RecoveryCodesView,
    errors: [400, 401, 409, 429, 503],
  })
  async regenerate(@CurrentUser() caller: AuthUser, @Body() body: PasswordAndCodeBody): Promise<RecoveryCodesView> {
    return this.factors.regenerateRecoveryCodes(await this.account(caller), body.password, body.code);
  }

  private async account(caller: AuthUser): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id: caller.userId });
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'the account of this token no longer exists');
    return user;
  }
}
