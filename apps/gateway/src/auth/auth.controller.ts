import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Ip, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiRoute } from '../openapi/api-route.decorator';
import { RateLimited } from '../rate-limits/rate-limit.guard';
import { AcceptedView, CHECK_YOUR_EMAIL } from './accepted.view';
import { AccountView } from './account.view';
import { AccountsService } from './accounts.service';
import { LoginLimitGuard } from './login-limit.guard';
import { LoginBody } from './login.dto';
import { LoginService } from './login.service';
import { RefreshTokenBody } from './refresh-token.dto';
import { clearRefreshCookie, COOKIE_MODE_DOC, presentedRefreshToken, setRefreshCookie, wantsCookieMode } from './refresh-cookie';
import { RegisterBody } from './register.dto';
import { SessionsService } from './sessions.service';
import { TokenPair } from './token-pair.view';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly logins: LoginService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('register')
  @RateLimited('register')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiRoute({
    summary: 'Sign up: the next step arrives by mail',
    description: 'Always 202 with the same body, whether or not the address has an account, so no one learns who has one.',
    status: 202,
    type: AcceptedView,
    errors: [400, 413, 429, 503],
  })
  async register(@Body() body: RegisterBody): Promise<AcceptedView> {
    await this.accounts.register(body);
    return CHECK_YOUR_EMAIL;
  }

  @Post('login')
  @UseGuards(LoginLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiRoute({
    summary: 'Log in with email and password',
    description:
      'Attempts are limited per client IP, per account and IP, and per account from all IPs with growing delays (never a lock-out): 429 with Retry-After.',
    type: TokenPair,
    errors: [400, 401, 403, 413, 429, 503],
  })
  @ApiHeader(COOKIE_MODE_DOC)
  async login(
    @Body() body: LoginBody,
    @Ip() ip: string | undefined,
    @Headers('user-agent') userAgent: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenPair | CookieModePair> {
    return inCookieMode(request, response, await this.logins.login({ ...body, ip: ip ?? 'unknown', userAgent }));
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiRoute({
    summary: 'Exchange a refresh token for a new pair',
    description: 'Each refresh token is good for one exchange; reusing one ends its whole session.',
    type: TokenPair,
    errors: [400, 401, 403, 413, 503],
  })
  @ApiHeader(COOKIE_MODE_DOC)
  async refresh(
    @Body() body: RefreshTokenBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenPair | CookieModePair> {
    // No log-in alert: a refresh continues a session whose log-in was announced (and runs every 15 minutes per device).
    return inCookieMode(request, response, await this.sessions.refresh(presentedRefreshToken(request, body.refreshToken)));
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiRoute({ summary: 'End the session of a refresh token', status: 204, errors: [400, 403, 413, 503] })
  @ApiHeader(COOKIE_MODE_DOC)
  async logout(
    @Body() body: RefreshTokenBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.sessions.end(presentedRefreshToken(request, body.refreshToken));
    if (wantsCookieMode(request)) clearRefreshCookie(request, response);
  }

  @Get('me')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiRoute({ summary: 'The account of the access token', type: AccountView, errors: [401, 503] })
  me(@CurrentUser() user: AuthUser): Promise<AccountView> {
    return this.accounts.profile(user.userId);
  }
}

/** The answer of cookie mode: the refresh token is in the cookie only. */
type CookieModePair = Omit<TokenPair, 'refreshToken'>;

function inCookieMode(request: Request, response: Response, pair: TokenPair): TokenPair | CookieModePair {
  if (!wantsCookieMode(request)) return pair;
  setRefreshCookie(request, response, pair.refreshToken);
  const { refreshToken: _inCookie, ...rest } = pair;
  return rest;
}
