import { DomainEvent, USER_DATA, USER_DELETED_EVENT, UserDataContract, UserDeletedPayload } from '@finstack/contracts';
import { SqlExecutor } from '@finstack/database';
import { EventSender } from '@finstack/outbox';
import { RpcClient } from '@finstack/rpc';

/** The services that keep data of a user, each answering USER_DATA.erase on its TCP server. */
export type ErasureClients = Readonly<Record<string, RpcClient<UserDataContract>>>;

/**
 * The identity outbox's sender. Events other than `user.deleted` go to
 * notifications as before. A `user.deleted` event is acknowledged only once
 * every service has answered that the user's data is erased; until then it
 * stays pending and the relay retries it with backoff (a service that is down
 * gets it when it is back). Order is kept: nothing after an unfinished
 * deletion is acknowledged, as senders acknowledge a prefix.
 *
 * Once all services erased, the event's own row is deleted too: it is the
 * last place that names the user (the relay then marks nothing).
 */
export function userDataErasureSender(options: {
  toNotifications: EventSender;
  services: ErasureClients;
  outboxTable: string;
  run: <T>(work: (executor: SqlExecutor) => Promise<T>) => Promise<T>;
}): EventSender {
  return async (events: DomainEvent[]) => {
    const acknowledged: string[] = [];
    let run: DomainEvent[] = [];
    const flush = async (): Promise<boolean> => {
      if (run.length === 0) return true;
      const sent = await options.toNotifications(run).catch((error: unknown) => {
        if (acknowledged.length === 0) throw error;
        return [] as string[];
      });
      acknowledged.push(...sent);
      const complete = sent.length === run.length;
      run = [];
      return complete;
    };
    for (const event of events) {
      if (event.type !== USER_DELETED_EVENT) {
        run.push(event);
        continue;
      }
      if (!(await flush())) return acknowledged;
      try {
        await eraseEverywhere(options.services, (event.payload as UserDeletedPayload).userId);
      } catch (error) {
        if (acknowledged.length === 0) throw error;
        return acknowledged;
      }
      await options.run((executor) => executor.query(`DELETE FROM ${options.outboxTable} WHERE id = ?`, [event.id]));
      acknowledged.push(event.id);
    }
    await flush();
    return acknowledged;
  };
}

/** Every service at once; throws (naming the services) unless all of them erased. */
async function eraseEverywhere(services: ErasureClients, userId: string): Promise<void> {
  const results = await Promise.allSettled(Object.values(services).map((client) => client.send(USER_DATA.erase, { userId })));
  const failed = Object.keys(services).filter((_, index) => results[index]!.status === 'rejected');
  if (failed.length > 0) throw new Error(`user data not yet erased by ${failed.join(', ')}`);
}
