import { DomainError, ErrorCode } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { SignInsService, StartedSignIn } from '../sign-in-alerts/sign-ins.service';
import { TokenPair } from '../token-pair.view';
import { UserEntity } from '../user.entity';
import { MfaChallenges } from './mfa-challenges';
import { MfaFactors } from './mfa-factors.service';

export interface SecondStep {
  mfaToken: string;
  code?: string;
  recoveryCode?: string;
}

type Outcome = { met: true; started: StartedSignIn } | { met: false; error: DomainError };

const SIGN_IN_AGAIN = new DomainError(
  ErrorCode.MFA_CHALLENGE_INVALID,
  'this sign-in has expired, was already completed, or had too many wrong codes: sign in again with your password',
);

/**
 * The second step of a log-in with MFA on. Only here does the session start
 * (and the auth.login alert get written), in the same transaction that spends
 * the challenge and the code. A wrong code is counted in that transaction and
 * committed: the error is returned, not thrown, so the count is not rolled back.
 */
@Injectable()
export class MfaLoginService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly challenges: MfaChallenges,
    private readonly factors: MfaFactors,
    private readonly signIns: SignInsService,
  ) {}

  async verify(step: SecondStep): Promise<TokenPair> {
    const now = new Date();
    const outcome = await this.transactions.run(async (manager): Promise<Outcome> => {
      const lookup = await this.challenges.find(manager, step.mfaToken, now);
      if (!lookup.found) return { met: false, error: SIGN_IN_AGAIN };
      const { challenge } = lookup;
      const user = await manager.findOneBy(UserEntity, { id: challenge.userId });
      if (!user) return { met: false, error: SIGN_IN_AGAIN };
      const accepted =
        step.code !== undefined
          ? await this.factors.checkCurrentCode(manager, user.id, step.code)
          : await this.factors.useRecoveryCode(manager, user.id, step.recoveryCode ?? '');
      if (!accepted) {
        const { ended, triesLeft } = await this.challenges.countFailure(manager, challenge);
        if (ended) return { met: false, error: SIGN_IN_AGAIN };
        const what = step.code !== undefined ? 'that code is wrong or was already used: wait for the next one' : 'that recovery code is wrong or was already used';
        return { met: false, error: new DomainError(ErrorCode.MFA_CODE_INVALID, `${what} (${triesLeft} tries left for this sign-in)`) };
      }
      await this.challenges.consume(manager, challenge);
      const started = await this.signIns.startIn(manager, user, { ip: challenge.ip, userAgent: challenge.userAgent ?? undefined }, now);
      return { met: true, started };
    });
    if (!outcome.met) throw outcome.error;
    this.signIns.wake(outcome.started);
    return outcome.started.tokens;
  }
}
