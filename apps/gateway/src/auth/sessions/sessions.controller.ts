import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import { IdParams } from '@finstack/contracts';
import { Controller, Delete, Get, HttpCode, HttpStatus, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { onePage } from '../../http/one-page';
import { ApiRoute } from '../../openapi/api-route.decorator';
import { SessionsService } from '../sessions.service';
import { SessionPage, toSessionView } from './session.view';

/**
 * The caller's signed-in devices. Ending a session revokes its refresh
 * tokens at once; an access token already issued to it lives out its
 * 15 minutes, as access tokens cannot be revoked.
 */
@ApiTags('auth')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('auth/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @ApiRoute({ summary: "The caller's signed-in sessions, most recently used first, with which one is this one", type: SessionPage, errors: [401, 503] })
  async list(@CurrentUser() user: AuthUser): Promise<SessionPage> {
    const sessions = await this.sessions.list(user.userId);
    return onePage(sessions.map((session) => toSessionView(session, user.sessionId)));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiRoute({ summary: 'Sign one session out (its refresh token stops working)', status: 204, errors: [400, 401, 404, 503] })
  async revoke(@CurrentUser() user: AuthUser, @Param() { id }: IdParams): Promise<void> {
    await this.sessions.revoke(user.userId, id);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiRoute({ summary: 'Sign every other session out; this one stays', status: 204, errors: [401, 503] })
  async revokeOthers(@CurrentUser() user: AuthUser): Promise<void> {
    // A token from before sessions had ids names none: then every session ends.
    await this.sessions.endOthers(user.userId, user.sessionId);
  }
}
