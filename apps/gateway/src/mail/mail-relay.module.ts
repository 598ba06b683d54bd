import { TransactionOf, TransactionRunner } from '@finstack/database';
import { Mailer } from '@finstack/mail';
import { OutboxRelay } from '@finstack/outbox';
import { Global, Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { GatewayEnv } from '../gateway-env';
import { MAIL_OUTBOX, mailSender } from './mail-outbox';
import { mailerFromEnv } from './mail-transport';

/** The identity schema's mail relay: wake it after committing a queued message. */
export class MailRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly relay: OutboxRelay;

  constructor(
    private readonly mailer: Mailer,
    runner: TransactionRunner,
  ) {
    const run: TransactionOf = (work) => runner.run(work);
    this.relay = new OutboxRelay({
      table: MAIL_OUTBOX,
      run,
      autocommit: (work) => runner.autocommit(work),
      send: mailSender(mailer, run),
      // A mail server (or SES) down for a while is polled every 30 s, not every 5.
      maxBackoffMs: 30_000,
      logger: new Logger('MailRelay'),
    });
  }

  wake(): void {
    this.relay.wake();
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
    this.mailer.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: MailRelay,
      inject: [GatewayEnv, TransactionRunner],
      useFactory: (env: GatewayEnv, runner: TransactionRunner) => new MailRelay(mailerFromEnv(env), runner),
    },
  ],
  exports: [MailRelay],
})
export class MailRelayModule {}
