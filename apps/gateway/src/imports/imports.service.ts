import { ImportOptions, ImportView, LEDGER } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { InjectLedger, LedgerClient } from '../ledger/ledger-client';
import { CsvUpload } from '../http/csv-upload';

/** Committing a large import takes longer than one plain call. */
const FINISH_TIMEOUT_MS = 120_000;
/**
 * The ledger answers a piece once the rows before it are nearly all written
 * (so that they never pile up in its memory): the wait goes at the database's
 * pace, some ten batch writes, which a busy database can stretch past a plain
 * call's timeout.
 */
const APPEND_TIMEOUT_MS = 60_000;

export interface ImportRequest {
  userId: string;
  requestId?: string;
  options: ImportOptions;
  upload: CsvUpload;
}

/**
 * Drives one import: the ledger parses the CSV as its pieces arrive, has each
 * batch categorised before writing it, and keeps every row in one database
 * transaction until the end, so an import is whole or absent.
 */
@Injectable()
export class ImportsService {
  constructor(@InjectLedger() private readonly ledger: LedgerClient) {}

  async run({ userId, requestId, options, upload }: ImportRequest): Promise<ImportView> {
    const { importId } = await this.ledger.send(LEDGER.beginImport, {
      userId,
      requestId,
      options,
      fileName: upload.fileName,
    });
    try {
      let sequence = 0;
      for await (const chunk of upload.chunks) {
        await this.ledger.send(LEDGER.appendImport, { userId, requestId, importId, sequence, chunk }, APPEND_TIMEOUT_MS);
        sequence += 1;
      }
    } catch (error) {
      // Release the import's open database transaction now rather than at the ledger's idle timeout.
      await this.ledger.send(LEDGER.abortImport, { userId, requestId, importId }).catch(() => undefined);
      throw error;
    }
    return this.ledger.send(LEDGER.finishImport, { userId, requestId, importId }, FINISH_TIMEOUT_MS);
  }

  get(userId: string, requestId: string | undefined, importId: string): Promise<ImportView> {
    return this.ledger.send(LEDGER.getImport, { userId, requestId, importId });
  }
}
