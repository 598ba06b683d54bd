import { JwtVerifier } from '@finstack/auth';
import { DomainError, ErrorCode } from '@finstack/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayEnv } from '../gateway-env';
import { AccessTokenIssuer } from './access-token.issuer';
import { IdentityDatabase, openIdentityDatabase } from './identity-database.test-helper';
import { RefreshTokenEntity } from './refresh-token.entity';
import { hashRefreshToken } from './refresh-token-secret';
import { SessionsService } from './sessions.service';
import { loadSigningKeys } from '@finstack/auth';
import { UserEntity } from './user.entity';

describe('SessionsService (refresh tokens on a real SQLite identity schema)', () => {
  let db: IdentityDatabase;
  let keysDir: string;
  let sessions: SessionsService;
  let verifier: JwtVerifier;
  let user: UserEntity;

  beforeEach(async () => {
    db = await openIdentityDatabase();
    keysDir = mkdtempSync(join(tmpdir(), 'finstack-keys-'));
    const keys = loadSigningKeys({ dataDir: keysDir });
    const env = Object.assign(new GatewayEnv(), { JWT_ISSUER: 'finstack-test' });
    sessions = new SessionsService(db.transactions, new AccessTokenIssuer(keys, env), env);
    verifier = new JwtVerifier({ publicKey: keys.publicKeyPem, issuer: 'finstack-test' });
    const now = new Date();
    user = {
      id: '0190f5c2-7a3b-7c4d-8e5f-0123456789ab',
      email: 'Ada@Example.com',
      emailKey: 'ada@example.com',
      passwordHash: 'not used here',
      displayName: null,
      emailVerifiedAt: now,
      signInAlerts: true,
      createdAt: now,
      updatedAt: now,
    };
    await db.dataSource.manager.insert(UserEntity, user);
  });

  afterEach(async () => {
    await db.close();
    rmSync(keysDir, { recursive: true, force: true });
  });

  /** A log-in's session, in a transaction of its own. */
  const startSession = () => db.transactions.run((manager) => sessions.start(manager, user, new Date()));

  async function refusalOf(work: Promise<unknown>): Promise<ErrorCode> {
    const error = await work.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (error instanceof DomainError) return error.code;
    throw new Error(`expected a DomainError, got ${String(error)}`);
  }

  it('starts a session with a Bearer pair: a 15-minute access token for the user and an opaque refresh token', async () => {
    const { tokens } = await startSession();
    expect(tokens).toMatchObject({ expiresIn: 900, tokenType: 'Bearer' });
    expect(tokens.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifier.verify(tokens.accessToken)).toEqual({ userId: user.id, email: 'Ada@Example.com', sessionId: expect.any(String) });
  });

  it('stores only the sha256 of a refresh token, never the token', async () => {
    const { tokens } = await startSession();
    const rows = await db.dataSource.manager.find(RefreshTokenEntity);
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashRefreshToken(tokens.refreshToken));
    expect(JSON.stringify(rows)).not.toContain(tokens.refreshToken);
  });

  it('exchanges a refresh token for a new pair of the same session, and gives 30 days to the new one', async () => {
    const { tokens } = await startSession();
    const next = await sessions.refresh(tokens.refreshToken);
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    expect(verifier.verify(next.accessToken).userId).toBe(user.id);
    const rows = await db.dataSource.manager.find(RefreshTokenEntity, { order: { createdAt: 'ASC', id: 'ASC' } });
    expect(new Set(rows.map((row) => row.familyId)).size).toBe(1);
    const lifetimeDays = (rows[1].expiresAt.getTime() - rows[1].createdAt.getTime()) / 86_400_000;
    expect(lifetimeDays).toBe(30);
  });

  it('keeps a rotated chain working for as long as each token is used once', async () => {
    let { refreshToken } = (await startSession()).tokens;
    for (let i = 0; i < 3; i++) refreshToken = (await sessions.refresh(refreshToken)).refreshToken;
    await expect(sessions.refresh(refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('treats a second use of a rotated token as theft: 401, and every token of the session stops working', async () => {
    const stolen = (await startSession()).tokens.refreshToken;
    const legit = await sessions.refresh(stolen);
    expect(await refusalOf(sessions.refresh(stolen))).toBe(ErrorCode.INVALID_REFRESH_TOKEN);
    expect(await refusalOf(sessions.refresh(legit.refreshToken))).toBe(ErrorCode.INVALID_REFRESH_TOKEN);
  });

  it('revokes only the session of the reused token, not the user’s other log-ins', async () => {
    const stolen = (await startSession()).tokens.refreshToken;
    const otherDevice = (await startSession()).tokens.refreshToken;
    await sessions.refresh(stolen);
    await refusalOf(sessions.refresh(stolen));
    await expect(sessions.refresh(otherDevice)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('lets only one of two simultaneous refreshes with the same token succeed', async () => {
    const { refreshToken } = (await startSession()).tokens;
    const outcomes = await Promise.allSettled([sessions.refresh(refreshToken), sessions.refresh(refreshToken)]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
  });

  it('refuses an expired refresh token', async () => {
    const { refreshToken } = (await startSession()).tokens;
    await db.dataSource.manager.update(
      RefreshTokenEntity,
      { tokenHash: hashRefreshToken(refreshToken) },
      { expiresAt: new Date(Date.now() - 1000) },
    );
    expect(await refusalOf(sessions.refresh(refreshToken))).toBe(ErrorCode.INVALID_REFRESH_TOKEN);
  });

  it('refuses a token it never issued', async () => {
    expect(await refusalOf(sessions.refresh('A'.repeat(43)))).toBe(ErrorCode.INVALID_REFRESH_TOKEN);
  });

  it('ends the whole session on logout, whichever of its tokens is presented', async () => {
    const first = (await startSession()).tokens.refreshToken;
    const current = (await sessions.refresh(first)).refreshToken;
    await sessions.end(first);
    expect(await refusalOf(sessions.refresh(current))).toBe(ErrorCode.INVALID_REFRESH_TOKEN);
  });

  it('answers logout alike for an unknown or an already revoked token', async () => {
    const { refreshToken } = (await startSession()).tokens;
    await expect(sessions.end(refreshToken)).resolves.toBeUndefined();
    await expect(sessions.end(refreshToken)).resolves.toBeUndefined();
    await expect(sessions.end('never-issued')).resolves.toBeUndefined();
  });

  describe('the sessions a user sees and ends', () => {
    const startFrom = (origin: { ip?: string; userAgent?: string }, at = new Date()) =>
      db.transactions.run((manager) => sessions.start(manager, user, at, origin));

    it('lists active sessions with their device, IP and times, most recently used first; a refresh moves one up', async () => {
      const phone = await startFrom({ ip: '203.0.113.7', userAgent: 'finstack-ios/1.2' }, new Date(Date.now() - 60_000));
      const laptop = await startFrom({ ip: '198.51.100.4', userAgent: 'Firefox/133.0' }, new Date(Date.now() - 30_000));
      expect((await sessions.list(user.id)).map((s) => [s.id, s.ip, s.userAgent])).toEqual([
        [laptop.sessionId, '198.51.100.4', 'Firefox/133.0'],
        [phone.sessionId, '203.0.113.7', 'finstack-ios/1.2'],
      ]);
      await sessions.refresh(phone.tokens.refreshToken);
      const [first] = await sessions.list(user.id);
      expect(first.id).toBe(phone.sessionId);
      expect(first.lastUsedAt.getTime()).toBeGreaterThan(first.createdAt.getTime());
    });

    it("revokes one session: its refresh fails, the others' work; another user's or an unknown id is SESSION_NOT_FOUND", async () => {
      const a = await startFrom({ ip: '203.0.113.7' });
      const b = await startFrom({ ip: '203.0.113.8' });
      await sessions.revoke(user.id, a.sessionId);
      expect(await refusalOf(sessions.refresh(a.tokens.refreshToken))).toBe(ErrorCode.INVALID_REFRESH_TOKEN);
      await expect(sessions.refresh(b.tokens.refreshToken)).resolves.toBeDefined();
      expect(await refusalOf(sessions.revoke('0190f5c2-0000-7000-8000-000000000000', b.sessionId))).toBe(ErrorCode.SESSION_NOT_FOUND);
      expect(await refusalOf(sessions.revoke(user.id, a.sessionId))).toBe(ErrorCode.SESSION_NOT_FOUND);
      expect((await sessions.list(user.id)).map((s) => s.id)).toEqual([b.sessionId]);
    });

    it('ends every session but the one kept', async () => {
      const kept = await startFrom({});
      const others = [await startFrom({}), await startFrom({})];
      await db.transactions.run((manager) => sessions.revokeAllBut(manager, user.id, kept.sessionId, new Date()));
      expect((await sessions.list(user.id)).map((s) => s.id)).toEqual([kept.sessionId]);
      for (const other of others) expect(await refusalOf(sessions.refresh(other.tokens.refreshToken))).toBe(ErrorCode.INVALID_REFRESH_TOKEN);
    });

    it('keeps at most SESSIONS_PER_USER_MAX active sessions: a log-in past it ends the least recently used', async () => {
      const capped = new SessionsService(db.transactions, new AccessTokenIssuer(loadSigningKeys({ dataDir: keysDir }), new GatewayEnv()), Object.assign(new GatewayEnv(), { SESSIONS_PER_USER_MAX: 3 }));
      const started = [];
      for (let i = 0; i < 4; i++) started.push(await db.transactions.run((manager) => capped.start(manager, user, new Date(Date.now() + i), {})));
      const listed = (await capped.list(user.id)).map((s) => s.id);
      expect(listed).toHaveLength(3);
      expect(listed).not.toContain(started[0].sessionId);
      expect(await refusalOf(capped.refresh(started[0].tokens.refreshToken))).toBe(ErrorCode.INVALID_REFRESH_TOKEN);
    });
  });
});
