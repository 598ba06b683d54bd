import { EraseUserDataMessage, USER_DATA, UserDataErased } from '@finstack/contracts';
import { Controller, Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TransactionRunner } from './transaction-runner';

const TABLE_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Deletes every row of a user from the given tables (each with a user_id
 * column), in the order given (children before the parents they reference),
 * in one transaction. Deleting what is already gone deletes nothing, so the
 * call is idempotent; the answer is the number of rows removed.
 */
export async function eraseUserRows(transactions: TransactionRunner, tables: readonly string[], userId: string): Promise<number> {
  for (const table of tables) if (!TABLE_NAME.test(table)) throw new Error(`not a table name: ${table}`);
  return transactions.run(async (manager) => {
    let erased = 0;
    for (const table of tables) {
      const result = await manager.createQueryBuilder().delete().from(table).where('user_id = :userId', { userId }).execute();
      erased += result.affected ?? 0;
    }
    return erased;
  });
}

/**
 * The USER_DATA.erase handler of a service whose user data is rows in its
 * schema: list every table with a user_id column (the account-deletion e2e
 * test fails when one is missing).
 */
export function UserRowsEraseController(service: string, tables: readonly string[], callableBy: MethodDecorator): Type<unknown> {
  @Controller()
  class UserRowsController {
    constructor(readonly transactions: TransactionRunner) {}

    @MessagePattern(USER_DATA.erase)
    @callableBy
    async erase(@Payload() message: EraseUserDataMessage): Promise<UserDataErased> {
      return { service, erased: await eraseUserRows(this.transactions, tables, message.userId) };
    }
  }
  return UserRowsController;
}
