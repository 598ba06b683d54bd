import { AutoCategory } from '@finstack/contracts';
import { payeeOf } from '@finstack/statement-text';
import { v7 as uuidv7 } from 'uuid';
import { placeholders } from '../common/sql';
import { RunningTotals } from '../totals/running-totals';
import { selectTransactions } from '../totals/transaction-selection';
import { ImportRow } from './import-row-reader';
import { ImportTransaction } from './import-transaction';

/** A valid row ready to store: rows without an externalId carry their content fingerprint. */
export interface FingerprintedRow extends ImportRow {
  fingerprint: Buffer | null;
}

const COLUMNS =
  'id, user_id, occurred_on, amount_minor, currency, description, merchant, payee, category_id, category_source, ' +
  'category_confidence, category_reason, external_id, import_id, fingerprint, created_at, updated_at';
const ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** Chooses the categories of rows about to be written; undefined leaves a row uncategorised. */
export type CategorizeRows = (rows: readonly FingerprintedRow[]) => Promise<(AutoCategory | undefined)[]>;

/**
 * Batches at the classifier at once: one being classified and the next one
 * waiting, so it never idles between batches, yet answers come back batch by
 * batch and the first batch of a piece is written while the others are
 * classified (with a whole piece sent at once, every answer came at its end).
 */
const BATCHES_AT_CLASSIFIER = 2;

/**
 * Writes an import's rows a batch at a time, inside the import's transaction,
 * one multi-row INSERT per batch. The unique indexes on (user_id, external_id)
 * and (user_id, fingerprint) find the rows the user already has, earlier
 * batches of this import and rows other requests just committed included:
 * the INSERT skips them, no error. (Looking them up first with a SELECT per
 * key kind cost two more index probes per row; the INSERT probes anyway.)
 */
export class ImportBatchWriter {
  private readonly onConflictSkip: string;
  /** The classifier's answers still awaited, oldest first (at most BATCHES_AT_CLASSIFIER). */
  private readonly atClassifier: Promise<unknown>[] = [];

  constructor(
    private readonly transaction: ImportTransaction,
    private readonly dialect: 'mysql' | 'sqlite',
    private readonly userId: string,
    private readonly importId: string,
    private readonly settings: {
      /** created_at and updated_at of every imported row, as SQL text. */
      timestamp: string;
      totals: RunningTotals;
      /** Absent when the import was asked not to categorise. */
      chooseCategories?: CategorizeRows;
    },
  ) {
    // MySQL has no DO NOTHING; assigning a column to itself changes nothing and skips the row.
    this.onConflictSkip = dialect === 'mysql' ? ' ON DUPLICATE KEY UPDATE id = id' : ' ON CONFLICT DO NOTHING';
  }

  /**
   * Asks for the categories of a whole batch, duplicates included, so that it
   * can run while the batches before it are written; in the order asked,
   * once the classifier has room for it. Never fails.
   */
  categorize(rows: readonly FingerprintedRow[]): Promise<(AutoCategory | undefined)[]> {
    const { chooseCategories } = this.settings;
    if (!chooseCategories) return Promise.resolve(rows.map(() => undefined));
    const room = this.atClassifier.length < BATCHES_AT_CLASSIFIER ? undefined : this.atClassifier.shift();
    const answer = (room ?? Promise.resolve()).then(() => chooseCategories(rows)).catch(() => rows.map(() => undefined));
    this.atClassifier.push(answer);
    return answer;
  }

  /**
   * Writes the rows with the categories `categorize` chose for them (same
   * order). Rows the user already has, earlier batches of this import
   * included, are skipped by the INSERT itself.
   */
  async write(
    rows: FingerprintedRow[],
    categories: Promise<(AutoCategory | undefined)[]> = this.categorize(rows),
  ): Promise<void> {
    if (rows.length > 0) await this.insert(rows, await this.stillExisting(await categories));
  }

  /**
   * Keeps only categories that still exist: one deleted since the classifier
   * last looked would fail the foreign key.
   */
  private async stillExisting(chosen: (AutoCategory | undefined)[]): Promise<(AutoCategory | undefined)[]> {
    const ids = [...new Set(chosen.flatMap((category) => (category ? [category.categoryId] : [])))];
    if (ids.length === 0) return chosen;
    const existing = await this.transaction.query<{ id: string }[]>(
      `SELECT id FROM categories WHERE user_id = ? AND id IN (${placeholders(ids.length)})`,
      [this.userId, ...ids],
    );
    const live = new Set(existing.map((row) => row.id));
    return chosen.map((category) => (category && live.has(category.categoryId) ? category : undefined));
  }

  /** How many rows this import has inserted so far (its own uncommitted rows included). */
  async countInserted(): Promise<number> {
    const [row] = await this.transaction.query<{ inserted: number | string }[]>(
      'SELECT COUNT(*) AS inserted FROM transactions WHERE user_id = ? AND import_id = ?',
      [this.userId, this.importId],
    );
    return Number(row.inserted);
  }

  /**
   * Counts the import's rows into the running totals, in one statement just
   * before the commit, so the import holds the totals' locks only briefly.
   */
  countIntoTotals(): Promise<void> {
    return this.settings.totals.count(this.transaction, this.userId, selectTransactions.byImport(this.importId), 1);
  }

  private async insert(rows: FingerprintedRow[], categories: (AutoCategory | undefined)[]): Promise<void> {
    const params: unknown[] = [];
    rows.forEach((row, index) => {
      const category = categories[index];
      params.push(
        uuidv7(),
        this.userId,
        row.occurredOn,
        row.amountMinor,
        row.currency,
        row.description,
        row.merchant,
        payeeOf(row.description, row.merchant),
        category?.categoryId ?? null,
        category?.source ?? 'none',
        category?.confidence ?? null,
        category?.reason ?? null,
        row.externalId,
        this.importId,
        row.fingerprint,
        this.settings.timestamp,
        this.settings.timestamp,
      );
    });
    const values = rows.length === 1 ? ROW : `${ROW}${`, ${ROW}`.repeat(rows.length - 1)}`;
    await this.transaction.repeat(`INSERT INTO transactions (${COLUMNS}) VALUES ${values}${this.onConflictSkip}`, params);
  }
}
