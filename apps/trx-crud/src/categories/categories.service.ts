import { CategoryView, CreateCategoryBody, DeletedCategory, DomainError, ErrorCode, UpdateCategoryBody } from '@finstack/contracts';
import { isForeignKeyViolation, isUniqueViolation, TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { assertNotEmptyPatch } from '../common/empty-patch';
import { RunningTotals } from '../totals/running-totals';
import { selectTransactions } from '../totals/transaction-selection';
import { TransactionEntity } from '../transactions/transaction.entity';
import { categoryNameKey, cleanCategoryName } from './category-name';
import { CategoryEntity } from './category.entity';
import { toCategoryView } from './category.view';
import { findUserCategory } from './find-category';

/** Bounds the list, which is answered in one page. */
export const MAX_CATEGORIES_PER_USER = 500;

@Injectable()
export class CategoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TransactionRunner,
    private readonly totals: RunningTotals,
  ) {}

  /** Sorted by name without regard to case, the same on every database. */
  async list(userId: string): Promise<CategoryView[]> {
    const rows = await this.dataSource.manager.find(CategoryEntity, {
      where: { userId },
      order: { nameKey: 'ASC', id: 'ASC' },
    });
    return rows.map(toCategoryView);
  }

  async get(userId: string, id: string): Promise<CategoryView> {
    return toCategoryView(await findUserCategory(this.dataSource.manager, userId, id));
  }

  async create(userId: string, body: CreateCategoryBody): Promise<CategoryView> {
    const now = new Date();
    const row: CategoryEntity = {
      id: uuidv7(),
      userId,
      name: cleanCategoryName(body.name),
      nameKey: categoryNameKey(body.name),
      kind: body.kind,
      color: body.color ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await this.refuseTakenName(() =>
      this.runner.run(async (manager) => {
        if ((await manager.countBy(CategoryEntity, { userId })) >= MAX_CATEGORIES_PER_USER) {
          throw new DomainError(
            ErrorCode.CONFLICT,
            `you have ${MAX_CATEGORIES_PER_USER} categories, the most one ledger can have; delete or merge one first`,
          );
        }
        await manager.insert(CategoryEntity, row);
      }),
    );
    return toCategoryView(row);
  }

  async update(userId: string, id: string, patch: UpdateCategoryBody): Promise<CategoryView> {
    assertNotEmptyPatch(patch);
    return this.refuseTakenName(() =>
      this.runner.run(async (manager) => {
        const row = await findUserCategory(manager, userId, id);
        if (patch.name !== undefined) {
          row.name = cleanCategoryName(patch.name);
          row.nameKey = categoryNameKey(patch.name);
        }
        if (patch.kind !== undefined) row.kind = patch.kind;
        if (patch.color !== undefined) row.color = patch.color;
        row.updatedAt = new Date();
        const { name, nameKey, kind, color, updatedAt } = row;
        await manager.update(CategoryEntity, { id: row.id, userId }, { name, nameKey, kind, color, updatedAt });
        return toCategoryView(row);
      }),
    );
  }

  /**
   * Refuses to orphan transactions: a category in use is deleted only when
   * `reassignTo` names another of the user's categories, which then receives
   * its transactions (their categorySource unchanged), all in one transaction.
   * The moved transactions write no transaction.categorized: the user asked for
   * the move of the whole category, which may hold thousands of them.
   */
  async delete(userId: string, id: string, reassignTo?: string): Promise<DeletedCategory> {
    try {
      return await this.runner.run(async (manager) => {
        const category = await findUserCategory(manager, userId, id);
        let reassigned = 0;
        if (reassignTo !== undefined) {
          if (reassignTo.toLowerCase() === category.id.toLowerCase()) {
            throw new DomainError(ErrorCode.VALIDATION_FAILED, 'reassignTo must name another category');
          }
          const target = await findUserCategory(manager, userId, reassignTo);
          await this.totals.moveCategory(manager, userId, selectTransactions.byCategory(category.id), target.id);
          const moved = await manager.update(
            TransactionEntity,
            { userId, categoryId: category.id },
            { categoryId: target.id, updatedAt: new Date() },
          );
          reassigned = moved.affected ?? 0;
        } else {
          const used = await manager.countBy(TransactionEntity, { userId, categoryId: category.id });
          if (used > 0) throw this.inUse(used);
        }
        await manager.delete(CategoryEntity, { id: category.id, userId });
        return { id: category.id, reassigned };
      });
    } catch (error) {
      // On MySQL a transaction filed concurrently under this category makes the foreign key refuse the delete.
      if (!isForeignKeyViolation(error)) throw error;
      throw this.inUse(await this.dataSource.manager.countBy(TransactionEntity, { userId, categoryId: id }));
    }
  }

  private inUse(transactions: number): DomainError {
    return new DomainError(
      ErrorCode.CATEGORY_IN_USE,
      `the category is used by ${transactions} transaction(s); pass reassignTo to move them to another category`,
      { transactions },
    );
  }

  /** The unique index on (user_id, name_key) is the authority on taken names, race-free. */
  private async refuseTakenName<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new DomainError(
        ErrorCode.CATEGORY_NAME_TAKEN,
        'you already have a category with this name (names are compared without regard to case)',
      );
    }
  }
}
