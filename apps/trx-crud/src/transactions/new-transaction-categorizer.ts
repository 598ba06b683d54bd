import {
  AUTO_CATEGORIZE_TIMEOUT_MS,
  AutoCategory,
  ClassifierContract,
  CLASSIFIER,
  ClassifyCategory,
  CreateTransactionBody,
  MAX_CLASSIFY_CATEGORIES,
} from '@finstack/contracts';
import { InjectRpcClient, RpcClient } from '@finstack/rpc';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CategoryEntity } from '../categories/category.entity';
import { CLASSIFIER_SERVICE } from '../classifier/classifier-client';

/**
 * Where "classify, then write" happens for one new transaction: the ledger
 * reads the user's categories (its own table) and sends them with the
 * transaction to the classifier, which then has no need to ask the ledger
 * for them. Two hops a create (gateway → ledger → classifier) instead of
 * three (gateway → classifier → ledger, then gateway → ledger). Categorising
 * is a convenience: when the classifier cannot answer, the transaction is
 * created uncategorised.
 */
@Injectable()
export class NewTransactionCategorizer {
  private readonly logger = new Logger(NewTransactionCategorizer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRpcClient(CLASSIFIER_SERVICE) private readonly classifier: RpcClient<ClassifierContract>,
  ) {}

  async predict(userId: string, body: CreateTransactionBody): Promise<AutoCategory | undefined> {
    try {
      const [prediction] = await this.classifier.send(
        CLASSIFIER.classify,
        {
          userId,
          items: [{ description: body.description, merchant: body.merchant, amount: body.amount, currency: body.currency }],
          categories: await this.categoriesOf(userId),
        },
        AUTO_CATEGORIZE_TIMEOUT_MS, // past it, the transaction is stored uncategorised
      );
      if (!prediction || prediction.categoryId === null || prediction.source === 'none') return undefined;
      const { categoryId, source, confidence, reason } = prediction;
      return { categoryId, source, confidence, reason };
    } catch (error) {
      this.logger.warn(`no automatic category for a new transaction: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** The user's categories, or undefined (the classifier asks for them) when there are more than a message may carry. */
  private async categoriesOf(userId: string): Promise<ClassifyCategory[] | undefined> {
    const rows = await this.dataSource.manager.find(CategoryEntity, {
      where: { userId },
      select: { id: true, name: true, kind: true },
      take: MAX_CLASSIFY_CATEGORIES + 1,
    });
    if (rows.length > MAX_CLASSIFY_CATEGORIES) return undefined;
    return rows.map(({ id, name, kind }) => ({ id, name, kind }));
  }
}
