import { CLASSIFIER, TransactionView } from '@finstack/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { ClassifierClient, InjectClassifier } from './classifier-client';

/**
 * The gateway's side of automatic categories: tells the classifier about
 * categories people choose by hand. (The ledger asks the classifier for the
 * category of a new transaction itself: see its NewTransactionCategorizer.)
 */
@Injectable()
export class CategorizerService {
  private readonly logger = new Logger(CategorizerService.name);

  constructor(@InjectClassifier() private readonly classifier: ClassifierClient) {}

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
