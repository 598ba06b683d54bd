import { IdentityDatabase, openIdentityDatabase } from '../identity-database.test-helper';
import { RefreshTokenEntity } from '../refresh-token.entity';
import { UserEntity } from '../user.entity';
import { ENDED_TOKENS_KEPT_MS, purgeEndedRefreshTokens } from './refresh-token-purge';

const DAY = 86_400_000;
const USER_ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';

describe('purging ended refresh tokens (on a real SQLite identity schema)', () => {
  let db: IdentityDatabase;
  const now = new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  beforeEach(async () => {
    db = await openIdentityDatabase();
    await db.dataSource.manager.insert(UserEntity, {
      id: USER_ID,
      email: 'ada@example.com',
      emailKey: 'ada@example.com',
      passwordHash: 'not used here',
      displayName: null,
      emailVerifiedAt: now,
      signInAlerts: true,
      createdAt: now,
      updatedAt: now,
    });
  });
  afterEach(() => db.close());

  async function token(id: string, fields: { expiresAt: Date; revokedAt?: Date; usedAt?: Date }): Promise<void> {
    await db.dataSource.manager.insert(RefreshTokenEntity, {
      id,
      userId: USER_ID,
      familyId: 'family-1',
      tokenHash: id.padEnd(64, '0'),
      expiresAt: fields.expiresAt,
      usedAt: fields.usedAt ?? null,
      revokedAt: fields.revokedAt ?? null,
      createdAt: ago(40),
    });
  }

  it('deletes tokens that ended over a week ago, in bounded batches, and keeps live and recently ended ones', async () => {
    await token('live', { expiresAt: new Date(now.getTime() + 20 * DAY) });
    await token('used-of-a-live-session', { expiresAt: new Date(now.getTime() + 10 * DAY), usedAt: ago(20) }); // theft detection needs it
    await token('expired-8-days-ago', { expiresAt: ago(8) });
    await token('expired-yesterday', { expiresAt: ago(1) });
    await token('revoked-8-days-ago', { expiresAt: new Date(now.getTime() + 5 * DAY), revokedAt: ago(8) });
    await token('revoked-yesterday', { expiresAt: new Date(now.getTime() + 5 * DAY), revokedAt: ago(1) });

    const deleted = await purgeEndedRefreshTokens((work) => db.transactions.run(work), new Date(now.getTime() - ENDED_TOKENS_KEPT_MS), 1);

    expect(deleted).toBe(2);
    const left = (await db.dataSource.manager.find(RefreshTokenEntity)).map((row) => row.id).sort();
    expect(left).toEqual(['expired-yesterday', 'live', 'revoked-yesterday', 'used-of-a-live-session']);
  });
});
