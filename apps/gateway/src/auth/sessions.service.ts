import { DomainError, ErrorCode } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { GatewayEnv } from '../gateway-env';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokenIssuer } from './access-token.issuer';
import { LoginOrigin, readableOrigin } from './login-events';
import { RefreshTokenEntity } from './refresh-token.entity';
import { hashRefreshToken, newRefreshTokenSecret } from './refresh-token-secret';
import { activeSessions, pruneSessionHistory, revokeSessions } from './sessions/session-rows';
import { SessionEntity } from './sessions/session.entity';
import { TokenPair } from './token-pair.view';
import { UserEntity } from './user.entity';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** A session is one refresh-token family: everything that descends from one log-in. */
export interface StartedSession {
  sessionId: string;
  tokens: TokenPair;
}

type Rotation = { rotated: true; tokens: TokenPair } | { rotated: false };

const REFUSED: Rotation = { rotated: false };

/**
 * Refresh tokens with rotation: each is good for one exchange. Presenting a
 * token a second time means it was copied, so the whole family is revoked
 * and both the thief and the user must log in again.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly env: GatewayEnv,
  ) {}

  /**
   * Starts a session in the caller's database transaction, so that what
   * started it (a log-in and its alert) commits together with it. Past
   * SESSIONS_PER_USER_MAX active sessions, the least recently used ones end.
   */
  async start(manager: EntityManager, user: UserEntity, now: Date, origin: LoginOrigin = {}): Promise<StartedSession> {
    const sessionId = uuidv7();
    await lockUser(manager, user.id);
    const active = await activeSessions(manager, user.id, now, REFRESH_TOKEN_TTL_MS);
    const over = active.slice(this.env.SESSIONS_PER_USER_MAX - 1).map((session) => session.id);
    await revokeSessions(manager, over, now);
    await manager.insert(SessionEntity, { id: sessionId, userId: user.id, ...readableOrigin(origin), createdAt: now, lastUsedAt: now, revokedAt: null });
    await pruneSessionHistory(manager, user.id);
    return { sessionId, tokens: await this.issuePair(manager, user, sessionId, now) };
  }

  async refresh(presentedToken: string): Promise<TokenPair> {
    // The outcome is returned rather than thrown so that a family revoked on reuse stays revoked.
    const rotation = await this.transactions.run((manager) => this.rotate(manager, presentedToken));
    if (!rotation.rotated) {
      throw new DomainError(ErrorCode.INVALID_REFRESH_TOKEN, 'refresh token is invalid, expired or revoked');
    }
    return rotation.tokens;
  }

  /** Ends the session of a token. Unknown and already revoked tokens are ignored, so the answer leaks nothing. */
  async end(presentedToken: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const token = await findAndLock(manager, hashRefreshToken(presentedToken));
      if (token) await revokeFamily(manager, token.familyId, new Date());
    });
  }

  /** The user's active sessions, most recently used first (at most SESSIONS_PER_USER_MAX). */
  list(userId: string): Promise<SessionEntity[]> {
    return this.transactions.run((manager) => activeSessions(manager, userId, new Date(), REFRESH_TOKEN_TTL_MS));
  }

  /** Ends one of the user's sessions; SESSION_NOT_FOUND for an id that is not an active session of theirs. */
  async revoke(userId: string, sessionId: string): Promise<void> {
    const revoked = await this.transactions.run(async (manager) => {
      await lockUser(manager, userId);
      const now = new Date();
      const mine = (await activeSessions(manager, userId, now, REFRESH_TOKEN_TTL_MS)).some((session) => session.id === sessionId);
      if (mine) await revokeSessions(manager, [sessionId], now);
      return mine;
    });
    if (!revoked) throw new DomainError(ErrorCode.SESSION_NOT_FOUND, `no active session ${sessionId} of yours; GET /api/v1/auth/sessions lists them`);
  }

  /** Ends every session of the user but `keep` (all of them when it is undefined). */
  endOthers(userId: string, keep: string | undefined): Promise<void> {
    return this.transactions.run((manager) => this.revokeAllBut(manager, userId, keep, new Date()));
  }

  /** In the caller's transaction: ends every session of the user but `keep` (all of them when it is undefined). */
  async revokeAllBut(manager: EntityManager, userId: string, keep: string | undefined, now: Date): Promise<void> {
    await lockUser(manager, userId);
    const ids = (await activeSessions(manager, userId, now, REFRESH_TOKEN_TTL_MS)).map((session) => session.id).filter((id) => id !== keep);
    await revokeSessions(manager, ids, now);
  }

  private async rotate(manager: EntityManager, presentedToken: string): Promise<Rotation> {
    const now = new Date();
    const token = await findAndLock(manager, hashRefreshToken(presentedToken));
    if (!token || token.revokedAt) return REFUSED;
    if (token.usedAt) {
      await revokeFamily(manager, token.familyId, now);
      return REFUSED;
    }
    if (token.expiresAt <= now) return REFUSED;

    // Marked used only if still unused, and checked: whatever the locking above,
    // two requests presenting one token can never both get a new pair.
    const claimed = await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ usedAt: now })
      .where('id = :id AND used_at IS NULL AND revoked_at IS NULL', { id: token.id })
      .execute();
    if (claimed.affected !== 1) {
      await revokeFamily(manager, token.familyId, now); // the loser presented a used token: reuse
      return REFUSED;
    }

    const user = await manager.findOneBy(UserEntity, { id: token.userId });
    if (!user) return REFUSED;
    await manager.update(SessionEntity, { id: token.familyId }, { lastUsedAt: now });
    return { rotated: true, tokens: await this.issuePair(manager, user, token.familyId, now) };
  }

  private async issuePair(manager: EntityManager, user: UserEntity, familyId: string, now: Date): Promise<TokenPair> {
    const refreshToken = newRefreshTokenSecret();
    await manager.insert(RefreshTokenEntity, {
      id: uuidv7(),
      userId: user.id,
      familyId,
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
      usedAt: null,
      revokedAt: null,
      createdAt: now,
    });
    return {
      accessToken: this.accessTokens.issue(user, familyId),
      refreshToken,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      tokenType: 'Bearer',
    };
  }
}

/**
 * Finds a presented token. On MySQL it first locks the row of the token's user,
 * so every change to one user's refresh tokens (rotation, reuse, logout) queues
 * behind that one lock and always in the same order: without it, concurrent
 * requests lock token rows and the family index in opposite orders and InnoDB
 * breaks the tie by failing one of them as a deadlock. SQLite needs no lock:
 * the TransactionRunner runs its transactions one at a time.
 */
async function findAndLock(manager: EntityManager, tokenHash: string): Promise<RefreshTokenEntity | null> {
  const token = await manager.findOneBy(RefreshTokenEntity, { tokenHash });
  if (!token || manager.connection.options.type !== 'mysql') return token;
  await manager.findOne(UserEntity, { where: { id: token.userId }, lock: { mode: 'pessimistic_write' } });
  // A locking read sees the latest commit; the read above may predate a concurrent rotation.
  return manager.findOne(RefreshTokenEntity, { where: { id: token.id }, lock: { mode: 'pessimistic_write' } });
}

async function revokeFamily(manager: EntityManager, familyId: string, now: Date): Promise<void> {
  await revokeSessions(manager, [familyId], now);
}

/** Queues changes to one user's sessions behind one row lock on MySQL (see findAndLock); SQLite runs one transaction at a time. */
async function lockUser(manager: EntityManager, userId: string): Promise<void> {
  if (manager.connection.options.type === 'mysql') {
    await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
  }
}
