import { Injectable } from '@nestjs/common';
import { EntityManager, LessThanOrEqual } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { LoginOrigin, MAX_USER_AGENT_LENGTH } from '../login-events';
import { hashLinkToken, newLinkToken } from '../one-time-secrets';
import { MfaChallengeEntity, TotpAuthenticatorEntity } from './mfa.entities';
import { MfaRequiredView } from './mfa.views';

/** How long the second step of a log-in may wait for its code. */
export const MFA_CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** Wrong codes that end a challenge: the person must give the password again. */
export const MFA_MAX_FAILED_CODES = 5;

/** What a code attempt against a challenge leads to (decided by the caller, recorded here). */
export type ChallengeLookup = { found: true; challenge: MfaChallengeEntity } | { found: false };

/**
 * The second step of log-ins. The password step leaves a challenge whose
 * token (256 random bits) is answered as mfaToken and stored hashed; the
 * challenge is single use, lives five minutes and ends after five wrong codes.
 * Kept in the identity schema, so every gateway replica sees the same count.
 */
@Injectable()
export class MfaChallenges {
  /** Whether a log-in of this user needs a second step: a confirmed authenticator. */
  async required(manager: EntityManager, userId: string): Promise<boolean> {
    const totp = await manager.findOneBy(TotpAuthenticatorEntity, { userId });
    return totp?.confirmedAt != null;
  }

  async issue(manager: EntityManager, userId: string, origin: LoginOrigin, now: Date): Promise<MfaRequiredView> {
    // Expired challenges of this user go as new ones come: the table stays as small as the live log-ins.
    await manager.delete(MfaChallengeEntity, { userId, expiresAt: LessThanOrEqual(now) });
    const token = newLinkToken();
    await manager.insert(MfaChallengeEntity, {
      id: uuidv7(),
      userId,
      tokenHash: hashLinkToken(token),
      ip: (origin.ip ?? 'unknown').slice(0, 64),
      userAgent: origin.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null,
      failedCodes: 0,
      expiresAt: new Date(now.getTime() + MFA_CHALLENGE_TTL_MS),
    });
    return { mfaRequired: true, mfaToken: token };
  }

  /**
   * The live challenge of a token, locked on MySQL so that concurrent codes
   * for one challenge are counted one after the other. An expired one is
   * removed and reported as not found.
   */
  async find(manager: EntityManager, token: string, now: Date): Promise<ChallengeLookup> {
    const onMysql = manager.connection.options.type === 'mysql';
    const challenge = await manager.findOne(MfaChallengeEntity, {
      where: { tokenHash: hashLinkToken(token) },
      ...(onMysql ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!challenge) return { found: false };
    if (challenge.expiresAt <= now) {
      await manager.delete(MfaChallengeEntity, { id: challenge.id });
      return { found: false };
    }
    return { found: true, challenge };
  }

  /** Counts a wrong code; true when that was the last try and the challenge is gone. */
  async countFailure(manager: EntityManager, challenge: MfaChallengeEntity): Promise<{ ended: boolean; triesLeft: number }> {
    const failed = challenge.failedCodes + 1;
    if (failed >= MFA_MAX_FAILED_CODES) {
      await manager.delete(MfaChallengeEntity, { id: challenge.id });
      return { ended: true, triesLeft: 0 };
    }
    await manager.update(MfaChallengeEntity, { id: challenge.id }, { failedCodes: failed });
    return { ended: false, triesLeft: MFA_MAX_FAILED_CODES - failed };
  }

  /** Met: the token is spent. */
  async consume(manager: EntityManager, challenge: MfaChallengeEntity): Promise<void> {
    await manager.delete(MfaChallengeEntity, { id: challenge.id });
  }
}
