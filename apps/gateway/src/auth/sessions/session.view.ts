import { ApiProperty } from '@nestjs/swagger';
import { SessionEntity } from './session.entity';

/** A signed-in device of the caller. */
export class SessionView {
  @ApiProperty({ format: 'uuid', description: 'the session; DELETE /auth/sessions/{id} signs it out' })
  id!: string;

  @ApiProperty({ example: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15', description: 'the User-Agent of its log-in; "unknown" when none was sent' })
  userAgent!: string;

  @ApiProperty({ example: '203.0.113.7', description: 'the client IP of its log-in' })
  ip!: string;

  @ApiProperty({ format: 'date-time', example: '2025-03-14T09:30:00.000Z', description: 'when it signed in' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2025-03-14T09:45:00.000Z', description: 'its log-in or the latest refresh of its tokens' })
  lastUsedAt!: string;

  @ApiProperty({ description: 'whether this is the session of the access token making the request' })
  current!: boolean;
}

/** The caller's active sessions, most recently used first; SESSIONS_PER_USER_MAX (20 by default) bounds them, so one page. */
export class SessionPage {
  @ApiProperty({ type: [SessionView] })
  items!: SessionView[];

  @ApiProperty({ type: String, nullable: true, description: 'always null: the sessions fit one page' })
  nextCursor!: string | null;
}

export function toSessionView(session: SessionEntity, currentSessionId: string | undefined): SessionView {
  return {
    id: session.id,
    userAgent: session.userAgent,
    ip: session.ip,
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
    current: session.id === currentSessionId,
  };
}
