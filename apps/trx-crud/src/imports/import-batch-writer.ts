import { AutoCategory } from '@finstack/contracts';
import { payeeOf } from '@finstack/statement-text';
import { escape, raw } from 'mysql2';
import { v7 as uuidv7 } from 'uuid';
import { existingCategoryIds } from '../categories/existing-category-ids';
import { placeholders } from '../common/sql';
import { RunningTotals } from '../totals/running-totals';
import { selectTransactions } from '../totals/transaction-selection';
import { ImportRow } from './import-row-reader';
import { ImportTransaction } from './import-transaction';

const COLUMNS =
  'id, occurred_on, amount_minor, currency, description, merchant, payee, category_id, category_source, ' +
  'category_confidence, category_reason, external_id, fingerprint, user_id, import_id, created_at, updated_at';
/** The values that differ from row to row; the last four columns are the same for the whole import. */
const ROW_PARAMS = 13;

/** Distinct descriptions whose payee is remembered; statements repeat their payees. */
const PAYEES_REMEMBERED = 50_000;

/** A batch's INSERT, ready to run. */
export interface BatchInsert {
  sql: string;
  params: unknown[];
}

/** Of the category ids given, those the user still has. */
export type LiveCategories = (categoryIds: string[]) => Promise<Set<string>>;

/** Chooses the categories of rows about to be written; undefined leaves a row uncategorised. */
export type CategorizeRows = (rows: readonly ImportRow[]) => Promise<(AutoCategory | undefined)[]>;

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
  /** The import's own values, the same in every row, as SQL literals. */
  private readonly constants: string;
  /** One row of a parameterised INSERT: placeholders, then the constants. */
  private readonly row: string;
  private readonly insertOfRawValues: string;
  /** The classifier's answers still awaited, oldest first (at most BATCHES_AT_CLASSIFIER). */
  private readonly atClassifier: Promise<unknown>[] = [];
  private readonly payees = new Map<string, string>();
  /** INSERT texts by row count. */
  private readonly statements = new Map<number, string>();

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
      /** Looks outside the import's transaction, so as not to hold up its writes; by default inside it. */
      liveCategories?: LiveCategories;
    },
  ) {
    // MySQL has no DO NOTHING; assigning a column to itself changes nothing and skips the row.
    this.onConflictSkip = dialect === 'mysql' ? ' ON DUPLICATE KEY UPDATE id = id' : ' ON CONFLICT DO NOTHING';
    // Fewer values to send and bind per row: a quarter of the statement's parameters were these four.
    this.constants = [userId, importId, settings.timestamp, settings.timestamp].map(literal).join(', ');
    this.row = `(${placeholders(ROW_PARAMS)}, ${this.constants})`;
    this.insertOfRawValues = `INSERT INTO transactions (${COLUMNS}) VALUES ?${this.onConflictSkip}`;
  }

  /**
   * Asks for the categories of a whole batch, duplicates included, so that it
   * can run while the batches before it are written; in the order asked,
   * once the classifier has room for it. Never fails.
   */
  categorize(rows: readonly ImportRow[]): Promise<(AutoCategory | undefined)[]> {
    const { chooseCategories } = this.settings;
    if (!chooseCategories) return Promise.resolve(rows.map(() => undefined));
    const room = this.atClassifier.length < BATCHES_AT_CLASSIFIER ? undefined : this.atClassifier.shift();
    const answer = (room ?? Promise.resolve())
      .then(() => chooseCategories(rows))
      .then((chosen) => this.stillExisting(chosen))
      .catch(() => rows.map(() => undefined));
    this.atClassifier.push(answer);
    return answer;
  }

  /**
   * The INSERT of a batch, built as soon as its categories are chosen, so
   * that the statement is ready when the database is done with the batch
   * before it. Rows the user already has, earlier batches of this import
   * included, will be skipped by the INSERT itself.
   */
  async prepare(rows: ImportRow[]): Promise<BatchInsert | undefined> {
    return rows.length === 0 ? undefined : this.insertOf(rows, await this.categorize(rows));
  }

  /** Runs an INSERT from `prepare`, inside the import's transaction. */
  async write(insert: Promise<BatchInsert | undefined>): Promise<void> {
    const ready = await insert;
    if (ready) await this.transaction.query(ready.sql, ready.params);
  }

  /**
   * Keeps only categories that still exist: one deleted since the classifier
   * last looked would fail the foreign key.
   */
  private async stillExisting(chosen: (AutoCategory | undefined)[]): Promise<(AutoCategory | undefined)[]> {
    const ids = [...new Set(chosen.flatMap((category) => (category ? [category.categoryId] : [])))];
    if (ids.length === 0) return chosen;
    const live = await (this.settings.liveCategories ?? this.liveInTransaction)(ids);
    return chosen.map((category) => (category && live.has(category.categoryId.toLowerCase()) ? category : undefined));
  }

  private readonly liveInTransaction: LiveCategories = (ids) => existingCategoryIds(this.transaction, this.userId, ids);

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

  private insertOf(rows: ImportRow[], categories: (AutoCategory | undefined)[]): BatchInsert {
    return this.dialect === 'mysql' ? this.insertWithValues(rows, categories) : this.insertWithParams(rows, categories);
  }

  /**
   * MySQL: the rows escaped into the text of a single parameter. Binding
   * 13,000 parameters a batch (mysql2 encodes each on its own) cost the ledger
   * more than escaping them, and the ledger's CPU, not the database's, was
   * what held imports up. As one raw parameter, the text is not searched for
   * placeholders again (mysql2 formats every query, even one without values).
   */
  private insertWithValues(rows: ImportRow[], categories: (AutoCategory | undefined)[]): BatchInsert {
    let values = '';
    for (let index = 0; index < rows.length; index += 1) {
      const row = rows[index];
      const own = this.rowValues(row, categories[index]).map((value) => escape(value)).join(', ');
      values += `${index === 0 ? '(' : ', ('}${own}, ${hexLiteral(row.fingerprint)}, ${this.constants})`;
    }
    return { sql: this.insertOfRawValues, params: [raw(values)] };
  }

  private insertWithParams(rows: ImportRow[], categories: (AutoCategory | undefined)[]): BatchInsert {
    const params: unknown[] = [];
    for (let index = 0; index < rows.length; index += 1) {
      const row = rows[index];
      params.push(...this.rowValues(row, categories[index]), row.fingerprint === null ? null : Buffer.from(row.fingerprint, 'hex'));
    }
    return { sql: this.statementFor(rows.length), params };
  }

  /** A row's own values but its fingerprint, in the order of COLUMNS. */
  private rowValues(row: ImportRow, category: AutoCategory | undefined): (string | number | null)[] {
    return [
      uuidv7(),
      row.occurredOn,
      row.amountMinor,
      row.currency,
      row.description,
      row.merchant,
      this.payeeOf(row),
      category?.categoryId ?? null,
      category?.source ?? 'none',
      category?.confidence ?? null,
      category?.reason ?? null,
      row.externalId,
    ];
  }

  /** The parameterised INSERT text for `rows` rows, kept for the full batches. */
  private statementFor(rows: number): string {
    let sql = this.statements.get(rows);
    if (sql === undefined) {
      const values = rows === 1 ? this.row : `${this.row}${`, ${this.row}`.repeat(rows - 1)}`;
      sql = `INSERT INTO transactions (${COLUMNS}) VALUES ${values}${this.onConflictSkip}`;
      // A full batch's, and the last (shorter) one's.
      if (this.statements.size >= 2) this.statements.clear();
      this.statements.set(rows, sql);
    }
    return sql;
  }

  /**
   * payeeOf, remembered for rows without a merchant (most files have no such
   * column): normalising a statement line is the dearest step of a row.
   */
  private payeeOf(row: ImportRow): string {
    if (row.merchant !== null) return payeeOf(row.description, row.merchant);
    let payee = this.payees.get(row.description);
    if (payee === undefined) {
      if (this.payees.size >= PAYEES_REMEMBERED) this.payees.clear();
      payee = payeeOf(row.description, null);
      this.payees.set(row.description, payee);
    }
    return payee;
  }
}

/** A fingerprint as a MySQL binary literal; anything but hexadecimal digits is refused. */
function hexLiteral(hex: string | null): string {
  if (hex === null) return 'NULL';
  if (!/^[0-9a-f]+$/.test(hex)) throw new Error(`not a hexadecimal fingerprint: ${JSON.stringify(hex)}`);
  return `X'${hex}'`;
}

/** A value of the import's own making (an id, a timestamp) as an SQL literal; anything else is refused. */
function literal(value: string): string {
  if (!/^[\w:. -]*$/.test(value)) throw new Error(`not a plain value for an SQL literal: ${JSON.stringify(value)}`);
  return `'${value}'`;
}
