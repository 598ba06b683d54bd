import { ClassifyCategory, ClassifyItem, LEDGER, Prediction, Suggestion } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { InjectLedger, LedgerClient } from '../ledger/ledger-client';
import { ClassificationContexts } from './classification-contexts';
import { predict, suggest } from './classification-pipeline';
import { prepareItem, prepareItems } from './prepared-item';

@Injectable()
export class ClassificationService {
  constructor(
    private readonly contexts: ClassificationContexts,
    @InjectLedger() private readonly ledger: LedgerClient,
  ) {}

  /**
   * Predictions for transactions not stored yet (the ledger asks before it
   * creates one, and for an import's rows), in order; `categories` are the
   * user's when the ledger sent them along.
   */
  async classify(userId: string, items: readonly ClassifyItem[], categories?: readonly ClassifyCategory[]): Promise<Prediction[]> {
    const context = await this.contexts.forUser(userId, categories);
    return prepareItems(items).map((item) => predict(item, context));
  }

  /** `classify` for several users at once, their rules' and knowledge's versions read together; answers in order. */
  async classifyForUsers(requests: readonly { userId: string; items: readonly ClassifyItem[]; categories?: readonly ClassifyCategory[] }[]): Promise<Prediction[][]> {
    const contexts = await this.contexts.forUsers(requests);
    return requests.map(({ items }, index) => prepareItems(items).map((item) => predict(item, contexts[index])));
  }

  /** For a stored transaction; another user's is not found, as the ledger says. */
  async suggestions(userId: string, transactionId: string): Promise<Suggestion[]> {
    const [transaction, context] = await Promise.all([
      this.ledger.send(LEDGER.getTransaction, { userId, id: transactionId }),
      this.contexts.forUser(userId),
    ]);
    return suggest(prepareItem(transaction), context);
  }
}
