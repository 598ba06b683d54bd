import { AutoCategory, CLASSIFIER, CreateTransactionBody, TransactionView } from '@finstack/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { ClassifierClient, InjectClassifier } from './classifier-client';

/** A new transaction waits this long for a category at most; past it, it is stored uncategorised. */
const PREDICTION_TIMEOUT_MS = 1000;

/**
 * The gateway's side of automatic categories: asks the classifier before a
 * transaction is created, so the ledger stores row and category in one write
 * (and an idempotent replay shows the same category), and tells the
 * classifier about categories people choose by hand. Categorising is a
 * convenience: when the classifier is down, transactions are still created.
 */
@Injectable()
export class CategorizerService {
  private readonly logger = new Logger(CategorizerService.name);

  constructor(@InjectClassifier() private readonly classifier: ClassifierClient) {}

  async predict(userId: string, requestId: string | undefined, body: CreateTransactionBody): Promise<AutoCategory | undefined> {
    try {
      const [prediction] = await this.classifier.send(
        CLASSIFIER.classify,
        {
          userId,
          requestId,
          items: [{ description: body.description, merchant: body.merchant, amount: body.amount, currency: body.currency }],
        },
        PREDICTION_TIMEOUT_MS,
      );
      if (!prediction || prediction.categoryId === null || prediction.source === 'none') return undefined;
      const { categoryId, source, confidence, reason } = prediction;
      return { categoryId, source, confidence, reason };
    } catch (error) {
      this.logger.warn(`no automatic category for a new transaction: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Teaches the classifier a choice made by hand; the caller does not wait for it. */
  learnFrom(userId: string, requestId: string | undefined, transaction: TransactionView): void {
    if (transaction.categoryId === null || transaction.categorySource !== 'manual') return;
    const example = {
      description: transaction.description,
      merchant: transaction.merchant ?? undefined,
      categoryId: transaction.categoryId,
    };
    this.classifier.send(CLASSIFIER.learn, { userId, requestId, examples: [example] }).catch((error: Error) => {
      this.logger.warn(`a manual category was not learned: ${error.message}`);
    });
  }
}
