import { TransactionRunner } from '@finstack/database';
import { OutboxRelay } from '@finstack/outbox';
import { Injectable, Optional } from '@nestjs/common';
import { GatewayEnv } from '../../gateway-env';
import { MailRelay } from '../../mail/mail-relay.module';
import { LoginOrigin } from '../login-events';
import { SessionsService } from '../sessions.service';
import { TokenPair } from '../token-pair.view';
import { UserEntity } from '../user.entity';
import { announceSignIn } from './sign-in-alerts';

/**
 * The last step of every sign-in, once the user is proven: a new session and
 * its alerts, written in one database transaction, so there is never a
 * session nobody was told of, nor an alert for a sign-in that failed.
 */
@Injectable()
export class SignInsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionsService,
    private readonly mail: MailRelay,
    private readonly env: GatewayEnv,
    // Absent where no relay runs (specs of the auth module alone).
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async complete(user: UserEntity, origin: LoginOrigin): Promise<TokenPair> {
    const at = new Date();
    const { session, mailed } = await this.transactions.run(async (manager) => {
      const mailed = await announceSignIn(manager, user, origin, at, `${this.env.PUBLIC_APP_URL}/settings/sessions`);
      return { session: await this.sessions.start(manager, user, at, origin), mailed };
    });
    // Committed: the alerts may leave now rather than at the relays' next poll.
    this.relay?.wake();
    if (mailed) this.mail.wake();
    return session.tokens;
  }
}
