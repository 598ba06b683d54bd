import {
  CategoriesSet,
  CategoryKind,
  CategoryView,
  DomainError,
  ErrorCode,
  LEDGER,
  LedgerContract,
  SetCategoriesMessage,
  TransactionPage,
  TransactionView,
} from '@finstack/contracts';
import { v4 as uuidv4 } from 'uuid';
import { LedgerClient } from '../ledger/ledger-client';

type Handlers = { [P in keyof LedgerContract]?: (request: LedgerContract[P]['request']) => LedgerContract[P]['response'] };

const STARTER_CATEGORIES: ReadonlyArray<[string, CategoryKind]> = [
  ['Groceries', 'expense'],
  ['Dining', 'expense'],
  ['Transport', 'expense'],
  ['Housing', 'expense'],
  ['Utilities', 'expense'],
  ['Health', 'expense'],
  ['Entertainment', 'expense'],
  ['Shopping', 'expense'],
  ['Travel', 'expense'],
  ['Income', 'income'],
  ['Transfers', 'transfer'],
  ['Fees', 'expense'],
  ['Other', 'expense'],
];

const NOW = '2025-03-14T12:00:00.000Z';

/**
 * The ledger's side of the contract, in memory, with the rules the real one
 * enforces: everything is per user (another user's id is not found, a
 * setCategories message with one such id fails whole, getTransactions leaves
 * such ids out), a manual category always applies and an automatic one never
 * overwrites a manual one.
 */
export class FakeLedger implements LedgerClient {
  private readonly transactions = new Map<string, { userId: string; view: TransactionView }>();
  private readonly categories = new Map<string, { userId: string; view: CategoryView }>();
  /** Every message received, in order. */
  readonly received: { pattern: string; payload: unknown }[] = [];

  private readonly handlers: Handlers = {
    [LEDGER.listCategories]: ({ userId }) => this.categoriesOf(userId),
    [LEDGER.getCategory]: ({ userId, id }) => this.category(userId, id),
    [LEDGER.getTransaction]: ({ userId, id }) => ({ ...this.transactionOf(userId, id) }),
    // Like the real ledger: the user's transactions among the ids, others' and missing ones left out.
    [LEDGER.getTransactions]: ({ userId, ids }) =>
      ids.flatMap((id) => {
        const stored = this.transactions.get(id.toLowerCase());
        return stored && stored.userId === userId ? [{ ...stored.view }] : [];
      }),
    [LEDGER.listTransactions]: ({ userId, query }) => this.list(userId, query),
    [LEDGER.setCategories]: (message) => this.setCategories(message),
  };

  send: LedgerClient['send'] = async (pattern, payload) => {
    this.received.push({ pattern, payload });
    const handler = this.handlers[pattern] as ((request: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`the fake ledger does not answer ${pattern}`);
    return structuredClone(handler(structuredClone(payload))) as Awaited<ReturnType<LedgerClient['send']>>;
  };

  /** A new user's ledger: the thirteen starter categories, by name. */
  openAccount(userId: string): Record<string, CategoryView> {
    return Object.fromEntries(STARTER_CATEGORIES.map(([name, kind]) => [name, this.addCategory(userId, name, kind)]));
  }

  addCategory(userId: string, name: string, kind: CategoryKind = 'expense'): CategoryView {
    const view: CategoryView = { id: uuidv4(), name, kind, color: null, createdAt: NOW, updatedAt: NOW };
    this.categories.set(view.id, { userId, view });
    return view;
  }

  deleteCategory(id: string): void {
    this.categories.delete(id);
  }

  addTransaction(
    userId: string,
    fields: Pick<TransactionView, 'description' | 'amount'> & Partial<TransactionView>,
  ): TransactionView {
    const view: TransactionView = {
      id: uuidv4(),
      occurredOn: '2025-03-14',
      currency: 'EUR',
      merchant: null,
      categoryId: null,
      categorySource: fields.categoryId ? 'manual' : 'none',
      categoryConfidence: null,
      categoryReason: null,
      externalId: null,
      importId: null,
      createdAt: NOW,
      updatedAt: NOW,
      ...fields,
    };
    this.transactions.set(view.id, { userId, view });
    return view;
  }

  /** A transaction as the ledger holds it now. */
  transaction(id: string): TransactionView {
    const stored = this.transactions.get(id);
    if (!stored) throw new Error(`no transaction ${id}`);
    return { ...stored.view };
  }

  /** How many messages of one pattern were received on behalf of a user. */
  count(pattern: string, userId: string): number {
    return this.received.filter(
      (message) => message.pattern === pattern && (message.payload as { userId?: string }).userId === userId,
    ).length;
  }

  private categoriesOf(userId: string): CategoryView[] {
    return [...this.categories.values()].filter((stored) => stored.userId === userId).map((stored) => stored.view);
  }

  private category(userId: string, id: string): CategoryView {
    const stored = this.categories.get(id.toLowerCase());
    if (!stored || stored.userId !== userId) throw new DomainError(ErrorCode.CATEGORY_NOT_FOUND, `category ${id} not found`);
    return stored.view;
  }

  private transactionOf(userId: string, id: string): TransactionView {
    const stored = this.transactions.get(id.toLowerCase());
    if (!stored || stored.userId !== userId) {
      throw new DomainError(ErrorCode.TRANSACTION_NOT_FOUND, `transaction ${id} not found`);
    }
    return stored.view;
  }

  /** Newest first, keyset pages on (occurredOn, id) like the real ledger. */
  private list(userId: string, query: LedgerContract[typeof LEDGER.listTransactions]['request']['query']): TransactionPage {
    const after = query.cursor ? Buffer.from(query.cursor, 'base64url').toString('utf8') : undefined;
    const position = (view: TransactionView) => `${view.occurredOn}|${view.id}`;
    const selected = [...this.transactions.values()]
      .filter((stored) => stored.userId === userId)
      .map((stored) => stored.view)
      .filter((view) => query.importId === undefined || view.importId === query.importId)
      .filter((view) => query.uncategorized !== true || view.categoryId === null)
      .filter((view) => after === undefined || position(view) < after)
      .sort((a, b) => position(b).localeCompare(position(a)));
    const limit = query.limit ?? 50;
    const items = selected.slice(0, limit).map((view) => ({ ...view }));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: selected.length > limit && last ? Buffer.from(position(last)).toString('base64url') : null,
    };
  }

  private setCategories({ userId, assignments }: SetCategoriesMessage): CategoriesSet {
    // Checked in full before anything changes: one foreign id fails the whole message.
    for (const assignment of assignments) {
      this.transactionOf(userId, assignment.transactionId);
      if (assignment.categoryId !== null) this.category(userId, assignment.categoryId);
    }
    const result: CategoriesSet = { updated: [], skippedManual: [] };
    for (const assignment of assignments) {
      const view = this.transactionOf(userId, assignment.transactionId);
      if (assignment.source !== 'manual' && view.categorySource === 'manual') {
        result.skippedManual.push(view.id);
        continue;
      }
      const manual = assignment.source === 'manual';
      view.categoryId = assignment.categoryId;
      view.categorySource = assignment.categoryId === null ? 'none' : assignment.source;
      view.categoryConfidence = manual || assignment.categoryId === null ? null : (assignment.confidence ?? null);
      view.categoryReason = manual || assignment.categoryId === null ? null : (assignment.reason ?? null);
      result.updated.push(view.id);
    }
    return result;
  }
}
