import { CLASSIFIER, ImportOptions, ImportView, LEDGER } from '@finstack/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { ClassifierClient, InjectClassifier } from '../classifier/classifier-client';
import { InjectLedger, LedgerClient } from '../ledger/ledger-client';
import { CsvUpload } from './csv-upload';

/** Committing a large import, and categorising what it brought, take longer than one plain call. */
const FINISH_TIMEOUT_MS = 120_000;
const CATEGORIZE_TIMEOUT_MS = 300_000;

export interface ImportRequest {
  userId: string;
  requestId?: string;
  options: ImportOptions;
  upload: CsvUpload;
}

/**
 * Drives one import: the ledger parses the CSV as its pieces arrive and keeps
 * every row in one database transaction until the end, so an import is whole
 * or absent; then the classifier categorises the new rows in batches.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    @InjectLedger() private readonly ledger: LedgerClient,
    @InjectClassifier() private readonly classifier: ClassifierClient,
  ) {}

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
        await this.ledger.send(LEDGER.appendImport, { userId, requestId, importId, sequence, chunk });
        sequence += 1;
      }
    } catch (error) {
      // Release the import's open database transaction now rather than at the ledger's idle timeout.
      await this.ledger.send(LEDGER.abortImport, { userId, requestId, importId }).catch(() => undefined);
      throw error;
    }
    const result = await this.ledger.send(LEDGER.finishImport, { userId, requestId, importId }, FINISH_TIMEOUT_MS);
    if (result.status === 'completed' && result.inserted > 0 && options.autoCategorize !== false) {
      await this.categorize(userId, requestId, importId);
    }
    return result;
  }

  get(userId: string, requestId: string | undefined, importId: string): Promise<ImportView> {
    return this.ledger.send(LEDGER.getImport, { userId, requestId, importId });
  }

  /** The import itself has landed; a classifier outage only leaves its rows uncategorised. */
  private async categorize(userId: string, requestId: string | undefined, importId: string): Promise<void> {
    try {
      await this.classifier.send(CLASSIFIER.autoCategorize, { userId, requestId, importId }, CATEGORIZE_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`import ${importId} was not categorised: ${(error as Error).message}`);
    }
  }
}
