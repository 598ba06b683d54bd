import { DomainError, ErrorCode, ImportFailure, ImportOptions, ImportStatus, MAX_IMPORT_BYTES, textPieces } from '@finstack/contracts';
import { CsvError, Parser } from 'csv-parse';
import { ImportBatchWriter } from './import-batch-writer';
import { Fingerprinter } from './import-fingerprint';
import { ImportRow, ImportRowReader } from './import-row-reader';
import { ImportTransaction } from './import-transaction';

/** Rows per multi-row INSERT. */
export const IMPORT_BATCH_ROWS = 1000;
/**
 * Batches read but not yet written at which reading waits: enough that the
 * database always has the next INSERT ready, few enough that a large piece's
 * rows do not pile up in memory ahead of it.
 */
export const BATCHES_AHEAD = 4;
/** Failures kept (and stored) per import; all are counted. */
export const MAX_KEPT_FAILURES = 1000;
/** Longest CSV record; anything longer is a broken file (a quote never closed), not a transaction. */
const MAX_RECORD_CHARS = 64 * 1024;
/**
 * A piece is parsed this many characters at a time, with a turn of the event
 * loop between slices: parsed whole, a 512 K piece held the loop for some
 * 200 ms, and every other request to the ledger waited that long.
 */
export const PARSE_SLICE_CHARS = 16 * 1024;

/** What an import came to; `completed` is committed, the others were rolled back. */
export interface ImportOutcome {
  status: ImportStatus;
  inserted: number;
  duplicates: number;
  failed: ImportFailure[];
  failedCount: number;
}

/** csv-parse's own errors, as a person would put them. */
function csvProblem(error: CsvError): string {
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return `the row has ${(error as CsvError & { record?: unknown[] }).record?.length ?? 'a different number of'} fields, not as many as the header`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted field has text after its closing quote';
    case 'CSV_MAX_RECORD_SIZE':
      return `the row is longer than ${MAX_RECORD_CHARS} characters; a quote is probably never closed`;
    default:
      return error.message.replace(/ on line \d+$/, '');
  }
}

/**
 * Line breaks inside a record's quoted fields: how many there are, and how
 * many more csv-parse's line count took them for (it counts each character of
 * a "\r\n" inside quotes as a line of its own).
 */
function innerLineBreaks(fields: string[]): { breaks: number; overcounted: number } {
  let breaks = 0;
  let overcounted = 0;
  for (const field of fields) {
    if (!field.includes('\n') && !field.includes('\r')) continue;
    for (let index = 0; index < field.length; index += 1) {
      const code = field.charCodeAt(index);
      if (code === 10) breaks += 1;
      else if (code === 13) {
        if (field.charCodeAt(index + 1) === 10) overcounted += 1;
        else breaks += 1;
      }
    }
  }
  return { breaks, overcounted };
}

/**
 * One CSV import in progress: the text arrives in numbered pieces, streams
 * through csv-parse, and valid rows are written in batches inside the
 * import's own database transaction. Batches are categorised and written in
 * the background while the next pieces are read; an append answers once the
 * pieces before the previous one are stored, so at most three pieces' rows
 * are ever held in memory, and a slow batch (the classifier's first answer
 * for a user) holds up no answer for long.
 *
 * With invalid rows and no skipInvalid the import cannot succeed: its
 * transaction is rolled back at the first invalid row, and reading goes on
 * only to report the failures.
 */
export class ImportSession {
  readonly createdAt = new Date();
  private readonly parser: Parser;
  private readonly reader: ImportRowReader;
  private readonly fingerprinter = new Fingerprinter();
  private batch: ImportRow[] = [];
  /** Batch writes, one after the other; rejected once one fails. */
  private writing: Promise<void> = Promise.resolve();
  /** The writes of the batches read and not yet written, oldest first. */
  private readonly unwritten: Promise<void>[] = [];
  /** The writes of the pieces before the one last appended. */
  private writtenBeforeLastPiece: Promise<void> = Promise.resolve();
  /** A problem that ends the import (the header, an unreadable file). */
  private fatal?: DomainError;
  private writesToDatabase = true;
  private nextSequence = 0;
  private bytes = 0;
  private rowsRead = 0;
  private validRows = 0;
  private readonly failures: ImportFailure[] = [];
  private failedCount = 0;
  private recordsParsed = 0;
  /** How far csv-parse's line count has run ahead of the file's lines (see innerLineBreaks). */
  private overcountedLines = 0;

  constructor(
    readonly id: string,
    readonly userId: string,
    readonly options: ImportOptions,
    readonly fileName: string | null,
    private readonly transaction: ImportTransaction,
    private readonly writer: ImportBatchWriter,
  ) {
    this.reader = new ImportRowReader(options);
    this.parser = new Parser({
      delimiter: options.delimiter === 'tab' ? '\t' : options.delimiter,
      bom: true,
      relax_column_count: false,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_CHARS,
      on_skip: (error) => {
        if (error) this.onUnreadableRecord(error);
        return undefined;
      },
    });
    this.parser.on('error', () => undefined); // reported through the write and end callbacks
    // Flowing, the parser hands each record over as it parses it, so its line
    // count is still the record's (an on_record hook costs a context object per record).
    this.parser.on('data', (record: string[]) => this.onParsed(record));
    this.parser.resume();
  }

  /** Pieces of the text are numbered from 0 and must come in order, each once. */
  assertNextPiece(sequence: number): void {
    if (sequence !== this.nextSequence) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `expected piece ${this.nextSequence} of the CSV, got piece ${sequence}; send the pieces in order, once each`,
        [{ field: 'sequence', errors: [`sequence must be ${this.nextSequence}`] }],
      );
    }
  }

  /** Reads the next piece of the CSV text (after assertNextPiece). Answers how many data rows were read so far. */
  async append(chunk: string): Promise<number> {
    this.bytes += Buffer.byteLength(chunk, 'utf8');
    if (this.bytes > MAX_IMPORT_BYTES) {
      throw new DomainError(
        ErrorCode.PAYLOAD_TOO_LARGE,
        `the CSV is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB; split it into smaller files`,
      );
    }
    this.nextSequence += 1;
    const stored = this.writtenBeforeLastPiece;
    this.writtenBeforeLastPiece = this.writing;
    for (const slice of textPieces(chunk, PARSE_SLICE_CHARS)) {
      if (this.fatal) break;
      await this.roomForBatches();
      await this.feed(slice);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (this.fatal) throw this.fatal;
    await stored;
    return this.rowsRead;
  }

  /** Reads the end of the file, then commits, or rolls back for a dry run or invalid rows. */
  async finish(): Promise<ImportOutcome> {
    await this.feed(null);
    if (this.fatal) throw this.fatal;
    if (!this.reader.hasHeader) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'the CSV is empty: it needs a header row naming its columns');
    }
    if (this.writesToDatabase && this.batch.length > 0) this.flush();
    await this.writing;
    const failed = { failed: this.failures, failedCount: this.failedCount };
    if (!this.writesToDatabase) {
      // Stopped at the first invalid row: nothing was kept, nothing more was checked.
      return { status: 'rejected', inserted: 0, duplicates: 0, ...failed };
    }
    const inserted = await this.writer.countInserted();
    const counts = { inserted, duplicates: this.validRows - inserted, ...failed };
    if (this.options.dryRun) {
      await this.transaction.rollback();
      return { status: 'dry-run', ...counts };
    }
    await this.writer.countIntoTotals();
    await this.transaction.commit();
    return { status: 'completed', ...counts };
  }

  /** Gives up: nothing of the import is kept. */
  async abandon(): Promise<void> {
    this.writesToDatabase = false;
    this.batch = [];
    this.parser.destroy();
    await this.writing.catch(() => undefined);
    await this.transaction.rollback();
  }

  private async roomForBatches(): Promise<void> {
    while (this.unwritten.length >= BATCHES_AHEAD) await this.unwritten[0].catch(() => undefined);
  }

  private feed(chunk: string | null): Promise<void> {
    return new Promise((resolve) => {
      const done = (error?: Error | null) => {
        if (error && !this.fatal) {
          this.fatal =
            error instanceof DomainError
              ? error
              : new DomainError(ErrorCode.VALIDATION_FAILED, `the CSV cannot be read: ${error.message}`);
        }
        resolve();
      };
      if (chunk === null) this.parser.end(done);
      else this.parser.write(chunk, done);
    });
  }

  private onParsed(record: string[]): void {
    this.recordsParsed += 1;
    if (this.recordsParsed !== this.parser.info.records) {
      throw new Error('csv-parse held records back: their line numbers would be wrong');
    }
    const { breaks, overcounted } = innerLineBreaks(record);
    this.overcountedLines += overcounted;
    this.onRecord(record, this.parser.info.lines - this.overcountedLines - breaks);
  }

  private onRecord(fields: string[], line: number): void {
    if (this.fatal) return;
    if (!this.reader.hasHeader) {
      try {
        this.reader.readHeader(fields);
      } catch (error) {
        this.fatal = error as DomainError;
      }
      return;
    }
    this.rowsRead += 1;
    const row = this.reader.readRow(fields, line);
    if (typeof row === 'string') {
      this.fail(line, row);
      return;
    }
    this.validRows += 1;
    if (!this.writesToDatabase) return;
    if (row.externalId === null) row.fingerprint = this.fingerprinter.fingerprint(row);
    this.batch.push(row);
    if (this.batch.length >= IMPORT_BATCH_ROWS) this.flush();
  }

  private onUnreadableRecord(error: CsvError): void {
    if (this.fatal) return;
    const line = ((error as CsvError & { lines?: number }).lines ?? 0) - this.overcountedLines;
    if (!this.reader.hasHeader) {
      this.fatal = new DomainError(ErrorCode.VALIDATION_FAILED, `the header row cannot be read: ${csvProblem(error)}`);
      return;
    }
    this.rowsRead += 1;
    this.fail(line, csvProblem(error));
  }

  private fail(line: number, reason: string): void {
    this.failedCount += 1;
    if (this.failures.length < MAX_KEPT_FAILURES) this.failures.push({ line, reason });
    if (!this.options.skipInvalid && this.writesToDatabase) {
      this.writesToDatabase = false;
      this.batch = [];
      this.chain(() => this.transaction.rollback(), true);
    }
  }

  private flush(): void {
    const rows = this.batch;
    this.batch = [];
    // Categorising, then building the INSERT, start now, while earlier batches are still being written.
    const insert = this.writer.prepare(rows);
    insert.catch(() => undefined); // a failure surfaces through the write
    const written = this.chain(() => this.writer.write(insert));
    this.unwritten.push(written);
    // Writes are chained, so they settle in the order they were pushed.
    const settled = () => void this.unwritten.shift();
    written.then(settled, settled);
  }

  /** Runs `work` after the writes before it; with `always`, even when one of them failed. */
  private chain(work: () => Promise<void>, always = false): Promise<void> {
    const previous = always ? this.writing.catch(() => undefined) : this.writing;
    this.writing = previous.then(work);
    this.writing.catch(() => undefined); // failures surface at the next append or finish
    return this.writing;
  }
}
