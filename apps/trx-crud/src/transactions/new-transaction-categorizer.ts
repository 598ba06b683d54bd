import {
  AUTO_CATEGORIZE_TIMEOUT_MS,
  AutoCategory,
  CategoryKind,
  ClassifierContract,
  CLASSIFIER,
  ClassifyCategory,
  ClassifyItem,
  CreateTransactionBody,
  MAX_CLASSIFY_CATEGORIES,
  MAX_CLASSIFY_USERS,
  Prediction,
} from '@finstack/contracts';
import { InjectRpcClient, RpcClient } from '@finstack/rpc';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLASSIFIER_SERVICE } from '../classifier/classifier-client';
import { CoalescingQueue } from '../common/coalescing-queue';
import { placeholders } from '../common/sql';

interface NewTransaction {
  userId: string;
  body: CreateTransactionBody;
}

/** Creates classified in one go: never more users than one classify-for-users message may name. */
const MAX_BATCH = MAX_CLASSIFY_USERS;

/**
 * Where "classify, then write" happens for new transactions: the ledger
 * reads the users' categories (its own table) and sends them with the
 * transactions to the classifier, which then has no need to ask the ledger
 * for them. Two hops a create (gateway → ledger → classifier) instead of
 * three (gateway → classifier → ledger, then gateway → ledger). Creates that
 * arrive together share one read of the categories and one message.
 * Categorising is a convenience: when the classifier cannot answer, the
 * transaction is created uncategorised.
 */
@Injectable()
export class NewTransactionCategorizer {
  private readonly logger = new Logger(NewTransactionCategorizer.name);
  private readonly queue = new CoalescingQueue<NewTransaction, AutoCategory | undefined>((batch) => this.predictAll(batch), {
    maxBatch: MAX_BATCH,
    concurrency: 2,
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRpcClient(CLASSIFIER_SERVICE) private readonly classifier: RpcClient<ClassifierContract>,
  ) {}

  predict(userId: string, body: CreateTransactionBody): Promise<AutoCategory | undefined> {
    return this.queue.push({ userId, body });
  }

  private async predictAll(batch: NewTransaction[]): Promise<PromiseSettledResult<AutoCategory | undefined>[]> {
    const predictions = batch.map((): AutoCategory | undefined => undefined);
    const byUser = new Map<string, number[]>();
    batch.forEach(({ userId }, index) => byUser.set(userId, [...(byUser.get(userId) ?? []), index]));
    try {
      const categories = await this.categoriesOf([...byUser.keys()]);
      const answers = await this.classifier.send(
        CLASSIFIER.classifyForUsers,
        {
          requests: [...byUser].map(([userId, indices]) => ({
            userId,
            items: indices.map((index) => itemOf(batch[index].body)),
            categories: categories.get(userId),
          })),
        },
        AUTO_CATEGORIZE_TIMEOUT_MS, // past it, the transactions are stored uncategorised
      );
      [...byUser.values()].forEach((indices, n) => indices.forEach((index, i) => (predictions[index] = autoCategoryOf(answers[n]?.[i]))));
    } catch (error) {
      this.logger.warn(`no automatic category for new transactions: ${(error as Error).message}`);
    }
    return predictions.map((value) => ({ status: 'fulfilled', value }));
  }

  /** Each user's categories, or none (the classifier asks for them) when there are more than a message may carry. */
  private async categoriesOf(userIds: string[]): Promise<Map<string, ClassifyCategory[] | undefined>> {
    // Raw rows: a batch of fifty users reads a thousand categories, and TypeORM's entity hydration was most of that read's CPU.
    const rows = await this.dataSource.query<{ user_id: string; id: string; name: string; kind: CategoryKind }[]>(
      `SELECT user_id, id, name, kind FROM categories WHERE user_id IN (${placeholders(userIds.length)})`,
      userIds,
    );
    const byUser = new Map<string, ClassifyCategory[] | undefined>(userIds.map((userId) => [userId, []]));
    for (const { user_id: userId, id, name, kind } of rows) byUser.get(userId)?.push({ id, name, kind });
    for (const [userId, categories] of byUser) {
      if (categories && categories.length > MAX_CLASSIFY_CATEGORIES) byUser.set(userId, undefined);
    }
    return byUser;
  }
}

function itemOf({ description, merchant, amount, currency }: CreateTransactionBody): ClassifyItem {
  return { description, merchant, amount, currency };
}

function autoCategoryOf(prediction: Prediction | undefined): AutoCategory | undefined {
  if (!prediction || prediction.categoryId === null || prediction.source === 'none') return undefined;
  const { categoryId, source, confidence, reason } = prediction;
  return { categoryId, source, confidence, reason };
}
