import { sqlTimestamp } from '@finstack/database';
import { EntityManager } from 'typeorm';
import { RefreshTokenEntity } from '../refresh-token.entity';
import { SessionEntity } from './session.entity';

/*
 * The sessions table, for the session use cases. A session is active while it
 * is not revoked and its newest refresh token is within its lifetime; both
 * queries below say so in SQL, so every caller counts the same sessions.
 */

/** Sessions kept per user, active or ended: the origins that count as known for sign-in alerts and log-in limits. */
export const SESSION_HISTORY_PER_USER = 100;

export function activeSessions(manager: EntityManager, userId: string, now: Date, lifetimeMs: number): Promise<SessionEntity[]> {
  return manager
    .createQueryBuilder(SessionEntity, 's')
    .where('s.user_id = :userId AND s.revoked_at IS NULL AND s.last_used_at > :since', { userId, since: sqlTimestamp(new Date(now.getTime() - lifetimeMs)) })
    .orderBy('s.last_used_at', 'DESC')
    .addOrderBy('s.id', 'DESC')
    .getMany();
}

/** Revokes sessions and every refresh token of their families. */
export async function revokeSessions(manager: EntityManager, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await manager
    .createQueryBuilder()
    .update(SessionEntity)
    .set({ revokedAt: now })
    .where('id IN (:...ids) AND revoked_at IS NULL', { ids })
    .execute();
  await manager
    .createQueryBuilder()
    .update(RefreshTokenEntity)
    .set({ revokedAt: now })
    .where('family_id IN (:...ids) AND revoked_at IS NULL', { ids })
    .execute();
}

/** Keeps the newest SESSION_HISTORY_PER_USER sessions of a user (by last use); older, ended ones go. */
export async function pruneSessionHistory(manager: EntityManager, userId: string): Promise<void> {
  const old = await manager
    .createQueryBuilder(SessionEntity, 's')
    .select('s.id', 'id')
    .where('s.user_id = :userId', { userId })
    .orderBy('s.last_used_at', 'DESC')
    .addOrderBy('s.id', 'DESC')
    .offset(SESSION_HISTORY_PER_USER)
    .limit(1000)
    .getRawMany<{ id: string }>();
  if (old.length > 0) {
    await revokeSessions(manager, old.map((row) => row.id), new Date());
    await manager.delete(SessionEntity, old.map((row) => row.id));
  }
}

/** Whether the user signed in before, within the kept history, from this IP / with this User-Agent. */
export async function knownOrigin(manager: EntityManager, userId: string, origin: { ip: string; userAgent: string }): Promise<{ ip: boolean; userAgent: boolean; any: boolean }> {
  const rows = await manager
    .createQueryBuilder(SessionEntity, 's')
    .select(['s.ip AS ip', 's.user_agent AS userAgent'])
    .where('s.user_id = :userId AND (s.ip = :ip OR s.user_agent = :userAgent)', { userId, ...origin })
    .limit(SESSION_HISTORY_PER_USER)
    .getRawMany<{ ip: string; userAgent: string }>();
  const any = (await manager.countBy(SessionEntity, { userId })) > 0;
  return { ip: rows.some((row) => row.ip === origin.ip), userAgent: rows.some((row) => row.userAgent === origin.userAgent), any };
}
