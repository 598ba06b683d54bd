import { ImportFailure, ImportView, utcTimestamp } from '@finstack/contracts';
import { ImportEntity } from './import.entity';

export function toImportView(row: ImportEntity): ImportView {
  return {
    importId: row.id,
    status: row.status,
    inserted: row.inserted,
    duplicates: row.duplicates,
    failed: JSON.parse(row.failed) as ImportFailure[],
    failedCount: row.failedCount,
    createdAt: utcTimestamp(row.createdAt),
  };
}
