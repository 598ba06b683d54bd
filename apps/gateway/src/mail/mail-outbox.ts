import { DomainEvent } from '@finstack/contracts';
import { SqlExecutor, TransactionOf } from '@finstack/database';
import { Mailer, MailMessage } from '@finstack/mail';
import { appendEvents, domainEvent, EventSender } from '@finstack/outbox';

/** Outgoing mail of the identity schema, written in the transaction of the change that calls for it. */
export const MAIL_OUTBOX = 'mail_outbox';
const MAIL_SEND = 'mail.send';

/** Queues a message; it leaves once the caller's transaction commits (see MailRelay). */
export function enqueueMail(executor: SqlExecutor, message: MailMessage): Promise<void> {
  return appendEvents(executor, MAIL_OUTBOX, [domainEvent(MAIL_SEND, message)]);
}

/**
 * Sends queued mail one message after another and acknowledges those that
 * went; the first failure ends the batch, and the relay retries the rest with
 * backoff. Sent rows are deleted before each batch: they hold links that
 * sign people in, which must not stay at rest once delivered.
 */
export function mailSender(mailer: Mailer, run: TransactionOf): EventSender {
  return async (events: DomainEvent[]) => {
    await run((executor) => executor.query(`DELETE FROM ${MAIL_OUTBOX} WHERE published_at IS NOT NULL`));
    const sent: string[] = [];
    for (const event of events) {
      try {
        await mailer.send(event.payload as MailMessage);
      } catch (error) {
        if (sent.length === 0) throw error;
        break;
      }
      sent.push(event.id);
    }
    return sent;
  };
}
