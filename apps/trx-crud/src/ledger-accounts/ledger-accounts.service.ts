import { isUniqueViolation, TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { categoryNameKey, cleanCategoryName } from '../categories/category-name';
import { CategoryEntity } from '../categories/category.entity';
import { LedgerAccountEntity } from './ledger-account.entity';
import { STARTER_CATEGORIES } from './starter-categories';

/** Bounds the memory of the cache; once full it starts over, which only costs a look-up per user. */
const MAX_CACHED_USERS = 100_000;

/**
 * Opens a user's ledger the first time they use it: the ledger_accounts row
 * and the starter categories, in one transaction. A user who later deletes
 * starter categories does not get them back.
 */
@Injectable()
export class LedgerAccountsService {
  private readonly opened = new Set<string>();
  private readonly opening = new Map<string, Promise<void>>();

  constructor(private readonly runner: TransactionRunner) {}

  async ensureOpened(userId: string): Promise<void> {
    if (this.opened.has(userId)) return;
    // Concurrent first requests of one user in this process share one attempt.
    let pending = this.opening.get(userId);
    if (!pending) {
      pending = this.open(userId).finally(() => this.opening.delete(userId));
      this.opening.set(userId, pending);
    }
    await pending;
  }

  private async open(userId: string): Promise<void> {
    try {
      await this.runner.run(async (manager) => {
        if (await manager.existsBy(LedgerAccountEntity, { userId })) return;
        const now = new Date();
        // The account row goes first: a concurrent twin in another process fails on its key before adding categories.
        await manager.insert(LedgerAccountEntity, { userId, createdAt: now });
        await manager.insert(
          CategoryEntity,
          STARTER_CATEGORIES.map(({ name, kind }) => ({
            id: uuidv7(),
            userId,
            name: cleanCategoryName(name),
            nameKey: categoryNameKey(name),
            kind,
            color: null,
            createdAt: now,
            updatedAt: now,
          })),
        );
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // otherwise another process opened this ledger first
    }
    if (this.opened.size >= MAX_CACHED_USERS) this.opened.clear();
    this.opened.add(userId);
  }
}
