import { DomainEvent, USER_DATA, USER_DELETED_EVENT, UserDataContract } from '@finstack/contracts';
import { RpcClient } from '@finstack/rpc';
import { userDataErasureSender } from './user-data-erasure';

const event = (id: string, type: string, payload: unknown = {}): DomainEvent => ({ id, type, occurredAt: '2026-12-07T10:00:00.000Z', payload });
const deleted = (id: string, userId: string) => event(id, USER_DELETED_EVENT, { userId });

/** A service's erase endpoint as the sender sees it: records the calls, fails while `down`. */
function service() {
  const state = { down: false, erased: [] as string[] };
  const client = {
    send: async (pattern: string, message: { userId: string }) => {
      if (pattern !== USER_DATA.erase) throw new Error(`unexpected pattern ${pattern}`);
      if (state.down) throw new Error('connect ECONNREFUSED');
      state.erased.push(message.userId);
      return { service: 'x', erased: 1 };
    },
  } as unknown as RpcClient<UserDataContract>;
  return { state, client };
}

describe('the identity outbox sender (user.deleted to every service, the rest to notifications)', () => {
  let ledger: ReturnType<typeof service>;
  let portfolio: ReturnType<typeof service>;
  let notified: string[][];
  let deletedRows: string[];
  let send: (events: DomainEvent[]) => Promise<string[]>;

  beforeEach(() => {
    ledger = service();
    portfolio = service();
    notified = [];
    deletedRows = [];
    send = userDataErasureSender({
      toNotifications: async (events) => {
        notified.push(events.map((e) => e.id));
        return events.map((e) => e.id);
      },
      services: { ledger: ledger.client, portfolio: portfolio.client },
      outboxTable: 'identity_outbox',
      run: async (work) =>
        work({
          query: async (_sql: string, params?: unknown[]) => {
            deletedRows.push(String(params?.[0]));
            return [];
          },
        } as never),
    });
  });

  it('sends other events to notifications, and user.deleted to every service, in order', async () => {
    const acknowledged = await send([event('1', 'auth.login'), deleted('2', 'u-1'), event('3', 'auth.login')]);
    expect(acknowledged).toEqual(['1', '2', '3']);
    expect(notified).toEqual([['1'], ['3']]);
    expect(ledger.state.erased).toEqual(['u-1']);
    expect(portfolio.state.erased).toEqual(['u-1']);
    expect(deletedRows).toEqual(['2']); // the event's own row goes once all have erased
  });

  it('keeps a deletion pending while one service is down, and what follows it too', async () => {
    portfolio.state.down = true;
    const acknowledged = await send([event('1', 'auth.login'), deleted('2', 'u-1'), event('3', 'auth.login')]);
    expect(acknowledged).toEqual(['1']);
    expect(notified).toEqual([['1']]);
    expect(deletedRows).toEqual([]);
  });

  it('throws when not even the first event went, so the relay backs off, and erases on the retry', async () => {
    portfolio.state.down = true;
    await expect(send([deleted('2', 'u-1')])).rejects.toThrow(/not yet erased by portfolio/);
    portfolio.state.down = false;
    expect(await send([deleted('2', 'u-1')])).toEqual(['2']);
    // Erased twice by the ledger (it was up both times): each service's erase is idempotent.
    expect(ledger.state.erased).toEqual(['u-1', 'u-1']);
    expect(portfolio.state.erased).toEqual(['u-1']);
  });
});
