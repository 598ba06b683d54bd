import { IdentityDatabase, accountsOn, openIdentityDatabase, registerVerified } from '../identity-database.test-helper';
import { hashLinkToken } from '../one-time-secrets';
import { MFA_CHALLENGE_TTL_MS, MFA_MAX_FAILED_CODES, MfaChallenges } from './mfa-challenges';
import { MfaChallengeEntity } from './mfa.entities';

describe('MfaChallenges (on a real SQLite identity schema)', () => {
  let db: IdentityDatabase;
  let userId: string;
  const challenges = new MfaChallenges();
  const origin = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 test' };

  beforeEach(async () => {
    db = await openIdentityDatabase();
    userId = await registerVerified(db, accountsOn(db).accounts, { email: 'ada@example.com', password: 'correct horse battery' });
  });
  afterEach(() => db.close());

  const issue = (now = new Date()) => db.transactions.run((manager) => challenges.issue(manager, userId, origin, now));
  const find = (token: string, now = new Date()) => db.transactions.run((manager) => challenges.find(manager, token, now));
  const rows = () => db.dataSource.manager.find(MfaChallengeEntity);

  it('answers an opaque token and keeps only its hash, with where the log-in came from', async () => {
    const answer = await issue();
    expect(answer).toEqual({ mfaRequired: true, mfaToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const [row] = await rows();
    expect(row).toMatchObject({ userId, tokenHash: hashLinkToken(answer.mfaToken), ip: origin.ip, userAgent: origin.userAgent, failedCodes: 0 });
    expect(JSON.stringify(row)).not.toContain(answer.mfaToken);
  });

  it('finds a live challenge, and not an unknown token', async () => {
    const { mfaToken } = await issue();
    expect(await find(mfaToken)).toMatchObject({ found: true, challenge: { userId } });
    expect(await find(`${mfaToken.slice(0, -1)}x`)).toEqual({ found: false });
  });

  it('lives five minutes: at the expiry it is gone, and its row with it', async () => {
    const issuedAt = new Date('2026-12-07T10:00:00Z');
    const { mfaToken } = await issue(issuedAt);
    expect((await find(mfaToken, new Date(issuedAt.getTime() + MFA_CHALLENGE_TTL_MS - 1))).found).toBe(true);
    expect((await find(mfaToken, new Date(issuedAt.getTime() + MFA_CHALLENGE_TTL_MS))).found).toBe(false);
    expect(await rows()).toEqual([]);
  });

  it('counts wrong codes and ends at the fifth, saying how many tries are left before', async () => {
    const { mfaToken } = await issue();
    const left: number[] = [];
    for (let attempt = 1; attempt <= MFA_MAX_FAILED_CODES; attempt++) {
      const outcome = await db.transactions.run(async (manager) => {
        const lookup = await challenges.find(manager, mfaToken, new Date());
        if (!lookup.found) throw new Error(`challenge gone before attempt ${attempt}`);
        return challenges.countFailure(manager, lookup.challenge);
      });
      left.push(outcome.triesLeft);
      expect(outcome.ended).toBe(attempt === MFA_MAX_FAILED_CODES);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect((await find(mfaToken)).found).toBe(false);
  });

  it('is single use: consumed, it is not found again', async () => {
    const { mfaToken } = await issue();
    await db.transactions.run(async (manager) => {
      const lookup = await challenges.find(manager, mfaToken, new Date());
      if (lookup.found) await challenges.consume(manager, lookup.challenge);
    });
    expect((await find(mfaToken)).found).toBe(false);
  });

  it("clears the user's expired challenges when a new one is issued", async () => {
    await issue(new Date(Date.now() - 2 * MFA_CHALLENGE_TTL_MS));
    await issue(new Date(Date.now() - 2 * MFA_CHALLENGE_TTL_MS));
    await issue();
    expect(await rows()).toHaveLength(1);
  });
});
