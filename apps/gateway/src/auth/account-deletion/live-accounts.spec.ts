import { accountsOn, IdentityDatabase, openIdentityDatabase, registerVerified } from '../identity-database.test-helper';
import { UserEntity } from '../user.entity';
import { LIVE_ACCOUNT_TTL_MS, LiveAccounts } from './live-accounts';

describe('LiveAccounts (on a real SQLite identity schema)', () => {
  let db: IdentityDatabase;
  let userId: string;
  let live: LiveAccounts;

  beforeEach(async () => {
    db = await openIdentityDatabase();
    userId = await registerVerified(db, accountsOn(db).accounts, { email: 'ada@example.com', password: 'correct horse battery' });
    live = new LiveAccounts(db.dataSource.getRepository(UserEntity));
  });
  afterEach(() => db.close());

  it('refuses a deleted account at once on the replica that deleted it', async () => {
    expect(await live.exists(userId)).toBe(true);
    await db.dataSource.manager.delete(UserEntity, { id: userId });
    live.forget(userId);
    expect(await live.exists(userId)).toBe(false);
  });

  it('elsewhere, refuses it once the minute it trusted the account has passed', async () => {
    const now = Date.now();
    expect(await live.exists(userId, now)).toBe(true);
    await db.dataSource.manager.delete(UserEntity, { id: userId });
    expect(await live.exists(userId, now + LIVE_ACCOUNT_TTL_MS - 1)).toBe(true);
    expect(await live.exists(userId, now + LIVE_ACCOUNT_TTL_MS)).toBe(false);
  });

  it('never takes an unknown id for an account', async () => {
    expect(await live.exists('0190c4a2-0000-7000-8000-000000000009')).toBe(false);
  });
});
