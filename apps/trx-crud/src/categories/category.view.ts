import { CategoryView } from '@finstack/contracts';
import { CategoryEntity } from './category.entity';

export function toCategoryView(row: CategoryEntity): CategoryView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    color: row.color,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
