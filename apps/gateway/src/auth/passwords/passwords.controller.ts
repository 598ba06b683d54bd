import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../openapi/api-route.decorator';
import { RateLimited } from '../../rate-limits/rate-limit.guard';
import { AcceptedView, CHECK_YOUR_EMAIL } from '../accepted.view';
import { PasswordChangeService } from './password-change.service';
import { PasswordResetService } from './password-reset.service';
import { ChangePasswordBody, ForgotPasswordBody, ResetPasswordBody } from './passwords.dto';

@ApiTags('auth')
@Controller('auth')
export class PasswordsController {
  constructor(
    private readonly changes: PasswordChangeService,
    private readonly resets: PasswordResetService,
  ) {}

  @Post('change-password')
  // Written above the JWT guard so it is registered, and runs, after it (decorators apply bottom-up): counted per user.
  @RateLimited('password-change')
  @UseGuards(JwtAuthGuard)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiRoute({
    summary: 'Change the password; every other session is signed out',
    description:
      'The session of this access token stays signed in. 400 when currentPassword is wrong, or when newPassword is too easy to guess (`details` says why).',
    status: 204,
    errors: [400, 401, 413, 429, 503],
  })
  async change(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordBody): Promise<void> {
    await this.changes.change(user.userId, user.sessionId, body.currentPassword, body.newPassword);
  }

  @Post('forgot-password')
  @RateLimited('forgot-password')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiRoute({
    summary: 'Mail a password-reset link (same answer, in the same time, for any address)',
    description: 'The link (`/reset-password?token=…` on the console) works once, for 30 minutes (PASSWORD_RESET_TTL_SECONDS).',
    status: 202,
    type: AcceptedView,
    errors: [400, 413, 429, 503],
  })
  async forgot(@Body() body: ForgotPasswordBody): Promise<AcceptedView> {
    await this.resets.forgot(body.email);
    return CHECK_YOUR_EMAIL;
  }

  @Post('reset-password')
  @RateLimited('verify')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiRoute({
    summary: "Set a new password with the mailed link's token; every session is signed out",
    description: '400 RESET_LINK_INVALID when the link is unknown, used, replaced or expired; 400 VALIDATION_FAILED when newPassword is too easy to guess (the link then still works).',
    status: 204,
    errors: [400, 413, 429, 503],
  })
  async reset(@Body() body: ResetPasswordBody): Promise<void> {
    await this.resets.reset(body.token, body.newPassword);
  }
}
