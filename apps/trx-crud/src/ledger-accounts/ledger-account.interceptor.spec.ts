import { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of } from 'rxjs';
import { LedgerAccountInterceptor } from './ledger-account.interceptor';
import { LedgerAccountsService } from './ledger-accounts.service';

describe('LedgerAccountInterceptor', () => {
  const rpcContext = (data: unknown) =>
    ({ switchToRpc: () => ({ getData: () => data }) }) as unknown as ExecutionContext;

  function setUp() {
    const events: string[] = [];
    const accounts = {
      ensureOpened: async (userId: string) => {
        events.push(`open ${userId}`);
      },
    } as LedgerAccountsService;
    const handler: CallHandler = {
      handle: () => {
        events.push('handle');
        return of('answer');
      },
    };
    return { events, interceptor: new LedgerAccountInterceptor(accounts), handler };
  }

  it('opens the caller’s ledger before the handler runs', async () => {
    const { events, interceptor, handler } = setUp();
    const userId = '0c9a3f4e-2b7d-4f7a-9c1e-5d2b8a6f3e10';
    const answer = await lastValueFrom(interceptor.intercept(rpcContext({ userId }), handler));
    expect(answer).toBe('answer');
    expect(events).toEqual([`open ${userId}`, 'handle']);
  });

  it('leaves a message without a valid user id to the validation pipe', async () => {
    const { events, interceptor, handler } = setUp();
    for (const data of [{ userId: 'not-a-uuid' }, {}, undefined]) {
      await lastValueFrom(interceptor.intercept(rpcContext(data), handler));
    }
    expect(events).toEqual(['handle', 'handle', 'handle']);
  });
});
