import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RateLimited } from '../rate-limits/rate-limit.guard';
import { AcceptedView, CHECK_YOUR_EMAIL } from './accepted.view';
import { AccountView } from './account.view';
import { AccountsService } from './accounts.service';
import { LoginBody } from './login.dto';
import { LoginService } from './login.service';
import { RefreshTokenBody } from './refresh-token.dto';
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
  @ApiAcceptedResponse({ type: AcceptedView, description: 'always, whether or not the address has an account: the next step arrives by mail' })
  async register(@Body() body: RegisterBody): Promise<AcceptedView> {
    await this.accounts.register(body);
    return CHECK_YOUR_EMAIL;
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenPair })
  login(
    @Body() body: LoginBody,
    @Ip() ip: string | undefined,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<TokenPair> {
    return this.logins.login({ ...body, ip: ip ?? 'unknown', userAgent });
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenPair })
  refresh(@Body() body: RefreshTokenBody): Promise<TokenPair> {
    // No log-in alert: a refresh continues a session whose log-in was announced (and runs every 15 minutes per device).
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  logout(@Body() body: RefreshTokenBody): Promise<void> {
    return this.sessions.end(body.refreshToken);
  }

  @Get('me')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOkResponse({ type: AccountView })
  me(@CurrentUser() user: AuthUser): Promise<AccountView> {
    return this.accounts.profile(user.userId);
  }
}
