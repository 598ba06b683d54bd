import { v7 as uuidv7 } from 'uuid';
import { placeholders } from '../common/sql';
import { ImportRow } from './import-row-reader';
import { ImportTransaction } from './import-transaction';

/** A valid row ready to store: rows without an externalId carry their content fingerprint. */
export interface FingerprintedRow extends ImportRow {
  fingerprint: string | null;
}

const COLUMNS =
  'id, user_id, occurred_on, amount_minor, currency, description, merchant, category_source, ' +
  'external_id, import_id, fingerprint, created_at, updated_at';
/** One row's values; imported rows start uncategorised (the classifier categorises them afterwards). */
const ROW = "(?, ?, ?, ?, ?, ?, ?, 'none', ?, ?, ?, ?, ?)";

/**
 * Writes an import's rows a batch at a time, inside the import's transaction:
 * one SELECT per kind of key to find rows the user already has (earlier
 * batches of this import included: the transaction sees its own rows), then
 * one multi-row INSERT. The unique indexes on (user_id, external_id) and
 * (user_id, fingerprint) remain the authority: a row that another request
 * committed after the SELECT is skipped by the INSERT itself, not an error.
 */
export class ImportBatchWriter {
  private readonly onConflictSkip: string;

  constructor(
    private readonly transaction: ImportTransaction,
    private readonly dialect: 'mysql' | 'sqlite',
    private readonly userId: string,
    private readonly importId: string,
    /** created_at and updated_at of every imported row, as SQL text. */
    private readonly timestamp: string,
  ) {
    // MySQL has no DO NOTHING; assigning a column to itself changes nothing and skips the row.
    this.onConflictSkip = dialect === 'mysql' ? ' ON DUPLICATE KEY UPDATE id = id' : ' ON CONFLICT DO NOTHING';
  }

  async write(rows: FingerprintedRow[]): Promise<void> {
    const externalIds: string[] = [];
    const fingerprints: string[] = [];
    for (const row of rows) {
      if (row.externalId !== null) externalIds.push(row.externalId);
      else if (row.fingerprint !== null) fingerprints.push(row.fingerprint);
    }
    const [knownExternalIds, knownFingerprints] = [
      await this.existing('external_id', externalIds),
      await this.existing('fingerprint', fingerprints),
    ];
    const fresh: FingerprintedRow[] = [];
    for (const row of rows) {
      if (row.externalId !== null) {
        if (knownExternalIds.has(row.externalId)) continue;
        knownExternalIds.add(row.externalId); // a second row with this id further down the batch is a duplicate
      } else if (row.fingerprint !== null && knownFingerprints.has(row.fingerprint)) {
        continue;
      }
      fresh.push(row);
    }
    if (fresh.length > 0) await this.insert(fresh);
  }

  /** How many rows this import has inserted so far (its own uncommitted rows included). */
  async countInserted(): Promise<number> {
    const [row] = await this.transaction.query<{ inserted: number | string }[]>(
      'SELECT COUNT(*) AS inserted FROM transactions WHERE user_id = ? AND import_id = ?',
      [this.userId, this.importId],
    );
    return Number(row.inserted);
  }

  private async existing(column: 'external_id' | 'fingerprint', keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.transaction.query<Record<string, string>[]>(
      `SELECT ${column} AS k FROM transactions WHERE user_id = ? AND ${column} IN (${placeholders(keys.length)})`,
      [this.userId, ...keys],
    );
    return new Set(rows.map((row) => row.k));
  }

  private async insert(rows: FingerprintedRow[]): Promise<void> {
    const params: unknown[] = [];
    for (const row of rows) {
      params.push(
        uuidv7(),
        this.userId,
        row.occurredOn,
        row.amountMinor,
        row.currency,
        row.description,
        row.merchant,
        row.externalId,
        this.importId,
        row.fingerprint,
        this.timestamp,
        this.timestamp,
      );
    }
    const values = rows.length === 1 ? ROW : `${ROW}${`, ${ROW}`.repeat(rows.length - 1)}`;
    await this.transaction.query(`INSERT INTO transactions (${COLUMNS}) VALUES ${values}${this.onConflictSkip}`, params);
  }
}
