import { DomainError, ErrorCode } from '@finstack/contracts';
import { EntityManager } from 'typeorm';
import { CategoryEntity } from './category.entity';

/** The user's category with this id; another user's category is as absent as a missing one. */
export async function findUserCategory(manager: EntityManager, userId: string, id: string): Promise<CategoryEntity> {
  const category = await manager.findOneBy(CategoryEntity, { id, userId });
  if (!category) throw new DomainError(ErrorCode.CATEGORY_NOT_FOUND, `category ${id} not found`);
  return category;
}
