import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../openapi/api-route.decorator';
import { RateLimited } from '../rate-limits/rate-limit.guard';
import { AcceptedView, CHECK_YOUR_EMAIL } from './accepted.view';
import { EmailVerificationService } from './email-verification.service';
import { EmailOnlyBody, VerifiedView, VerifyEmailBody } from './verification.dto';

@ApiTags('auth')
@Controller('auth')
export class VerificationController {
  constructor(private readonly verifications: EmailVerificationService) {}

  @Post('verify-email')
  @RateLimited('verify')
  @HttpCode(HttpStatus.OK)
  @ApiRoute({
    summary: "Confirm an account's email address with the mailed link's token, or with the address and the mailed code",
    description: '400 VERIFICATION_INVALID when the token or code is wrong, used or expired (a code works for 5 tries).',
    type: VerifiedView,
    errors: [400, 413, 429, 503],
  })
  async verifyEmail(@Body() body: VerifyEmailBody): Promise<VerifiedView> {
    if (body.token !== undefined) await this.verifications.verifyToken(body.token);
    else await this.verifications.verifyCode(body.email ?? '', body.code ?? '');
    return { message: 'your email address is confirmed; you can log in' };
  }

  @Post('resend-verification')
  @RateLimited('mail')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiRoute({
    summary: 'Mail a new verification link and code to an unverified account (same answer for any address)',
    status: 202,
    type: AcceptedView,
    errors: [400, 413, 429, 503],
  })
  async resend(@Body() body: EmailOnlyBody): Promise<AcceptedView> {
    await this.verifications.resend(body.email);
    return CHECK_YOUR_EMAIL;
  }
}
