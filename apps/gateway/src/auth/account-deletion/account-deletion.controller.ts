import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import { Body, Controller, Delete, HttpCode, HttpStatus, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiRoute } from '../../openapi/api-route.decorator';
import { RateLimited } from '../../rate-limits/rate-limit.guard';
import { clearRefreshCookie, wantsCookieMode } from '../refresh-cookie';
import { AccountDeletionService } from './account-deletion.service';
import { DeleteAccountBody } from './delete-account.dto';

@ApiTags('auth')
@Controller('auth')
export class AccountDeletionController {
  constructor(private readonly deletion: AccountDeletionService) {}

  @Delete('me')
  @HttpCode(HttpStatus.NO_CONTENT)
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @RateLimited('verify')
  @ApiRoute({
    summary: 'Delete the account and all its data',
    description:
      'Needs the password, and a current code when MFA is on. The account and its sessions end at once; every service then ' +
      'erases the user’s transactions, categories, imports, rules, holdings, watchlist, alerts, connections and VaR runs ' +
      '(within seconds, retried while a service is down). 400 REAUTHENTICATION_FAILED for a wrong password or code.',
    status: 204,
    errors: [400, 401, 429, 503],
  })
  async deleteAccount(
    @CurrentUser() caller: AuthUser,
    @Body() body: DeleteAccountBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.deletion.delete(caller.userId, body.password, body.code);
    if (wantsCookieMode(request)) clearRefreshCookie(request, response);
  }
}
