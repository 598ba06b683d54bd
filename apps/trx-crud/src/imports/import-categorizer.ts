import { AutoCategory, ClassifierContract, CLASSIFIER } from '@finstack/contracts';
import { InjectRpcClient, RpcClient } from '@finstack/rpc';
import { Injectable, Logger } from '@nestjs/common';
import { CLASSIFIER_SERVICE } from '../classifier/classifier-client';
import { ImportRow } from './import-row-reader';

/** How long one batch may wait for its categories before it is stored without them. */
const CLASSIFY_TIMEOUT_MS = 10_000;

/**
 * Asks the classifier for the categories of a batch of imported rows before
 * they are written, so each row is written once, already categorised: an
 * update pass over every imported row afterwards cost more than the import.
 * Categories are a convenience: when the classifier cannot answer, the rows
 * are imported without them, and auto-categorize can fill them in later.
 */
@Injectable()
export class ImportCategorizer {
  private readonly logger = new Logger(ImportCategorizer.name);

  constructor(@InjectRpcClient(CLASSIFIER_SERVICE) private readonly classifier: RpcClient<ClassifierContract>) {}

  async categorize(userId: string, rows: readonly ImportRow[]): Promise<(AutoCategory | undefined)[]> {
    try {
      const predictions = await this.classifier.send(
        CLASSIFIER.classify,
        {
          userId,
          items: rows.map((row) => ({
            description: row.description,
            merchant: row.merchant ?? undefined,
            amount: row.amount,
            currency: row.currency,
          })),
        },
        CLASSIFY_TIMEOUT_MS,
      );
      return predictions.map((p) =>
        p.categoryId !== null && p.source !== 'none'
          ? { categoryId: p.categoryId, source: p.source, confidence: p.confidence, reason: p.reason }
          : undefined,
      );
    } catch (error) {
      this.logger.warn(`imported rows stored without categories: ${(error as Error).message}`);
      return rows.map(() => undefined);
    }
  }
}
