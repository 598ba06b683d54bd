import { LEDGER, RuleApplication, RuleChange, TransactionView } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InjectLedger, LedgerClient } from '../ledger/ledger-client';
import { transactionPages } from '../ledger/transaction-pages';
import { compileRule } from './compiled-rule';
import { findUserRule } from './find-rule';
import { RulePatterns } from './rule-patterns';
import { ruleReason } from './rule-reason';
import { ruleSubject } from './rule-subject';

/** The most changes an application lists; all of them are counted. */
export const MAX_LISTED_CHANGES = 1000;

/**
 * Runs one rule over all of a user's transactions, a ledger page at a time,
 * and sets its category where it matches, through the ledger. Categories
 * chosen by hand are never changed: they are counted as matched and left
 * alone here, and the ledger refuses to overwrite them anyway.
 */
@Injectable()
export class RuleApplicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly patterns: RulePatterns,
    @InjectLedger() private readonly ledger: LedgerClient,
  ) {}

  async apply(userId: string, ruleId: string, dryRun: boolean): Promise<RuleApplication> {
    const row = await findUserRule(this.dataSource.manager, userId, ruleId);
    // A rule whose category was deleted cannot be applied: 404 CATEGORY_NOT_FOUND, before anything changes.
    await this.ledger.send(LEDGER.getCategory, { userId, id: row.categoryId });
    const rule = compileRule(row, this.patterns);
    const application: RuleApplication = { dryRun, matched: 0, changes: [], changed: 0 };
    for await (const page of transactionPages(this.ledger, userId, {})) {
      const matching = page.filter((transaction) => rule.matches(ruleSubject(transaction)));
      application.matched += matching.length;
      const wanted = matching.filter((t) => t.categorySource !== 'manual' && t.categoryId !== rule.categoryId);
      const made = dryRun ? wanted : await this.write(userId, wanted, rule.categoryId, ruleReason(rule));
      application.changed += made.length;
      for (const transaction of made.slice(0, MAX_LISTED_CHANGES - application.changes.length)) {
        application.changes.push(changeOf(transaction, rule.categoryId));
      }
    }
    return application;
  }

  /** The transactions the ledger did change (it skips any set by hand since they were read). */
  private async write(userId: string, transactions: TransactionView[], categoryId: string, reason: string): Promise<TransactionView[]> {
    if (transactions.length === 0) return [];
    const { updated } = await this.ledger.send(LEDGER.setCategories, {
      userId,
      assignments: transactions.map((t) => ({ transactionId: t.id, categoryId, source: 'rule' as const, confidence: 1, reason })),
    });
    const changed = new Set(updated);
    return transactions.filter((t) => changed.has(t.id));
  }
}

function changeOf(transaction: TransactionView, toCategoryId: string): RuleChange {
  return { transactionId: transaction.id, fromCategoryId: transaction.categoryId, toCategoryId };
}
