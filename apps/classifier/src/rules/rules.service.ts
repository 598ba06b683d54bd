import { CreateRuleBody, DomainError, ErrorCode, LEDGER, RuleCondition, RuleView, UpdateRuleBody } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { InjectLedger, LedgerClient } from '../ledger/ledger-client';
import { findUserRule, ruleNotFound } from './find-rule';
import { checkRuleConditions } from './rule-condition-check';
import { RuleEntity } from './rule.entity';
import { RULE_ORDER } from './rule-order';
import { RulePatterns } from './rule-patterns';
import { RULE_LIMITS } from './rule-limits';
import { addCosts, checkUserRuleBudget, conditionsCost } from './rule-set-cost';
import { toRuleView } from './rule.view';

/** Every rule runs on every classification: a bound keeps one user from slowing everyone's. */
export const MAX_RULES_PER_USER = RULE_LIMITS.rulesPerUser;

const DEFAULT_PRIORITY = 100;

@Injectable()
export class RulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TransactionRunner,
    private readonly patterns: RulePatterns,
    @InjectLedger() private readonly ledger: LedgerClient,
  ) {}

  async list(userId: string): Promise<RuleView[]> {
    const rows = await this.dataSource.manager.find(RuleEntity, { where: { userId }, order: RULE_ORDER });
    return rows.map(toRuleView);
  }

  async get(userId: string, id: string): Promise<RuleView> {
    return toRuleView(await findUserRule(this.dataSource.manager, userId, id));
  }

  async create(userId: string, body: CreateRuleBody): Promise<RuleView> {
    const conditions = checkRuleConditions(body.conditions, 'body.conditions', this.patterns);
    const categoryId = await this.usersCategory(userId, body.categoryId);
    const now = new Date();
    const row: RuleEntity = {
      id: uuidv7(),
      userId,
      name: body.name.trim(),
      priority: body.priority ?? DEFAULT_PRIORITY,
      matchMode: body.match ?? 'all',
      conditions,
      categoryId,
      stopProcessing: body.stopProcessing ?? false,
      enabled: body.enabled ?? true,
      createdAt: now,
      updatedAt: now,
    };
    await this.runner.run(async (manager) => {
      if ((await manager.countBy(RuleEntity, { userId })) >= MAX_RULES_PER_USER) {
        throw new DomainError(
          ErrorCode.VALIDATION_FAILED,
          `you have ${MAX_RULES_PER_USER} rules, the most allowed; delete or combine some first`,
        );
      }
      await this.checkBudget(manager, userId, conditions);
      await manager.insert(RuleEntity, row);
    });
    return toRuleView(row);
  }

  async update(userId: string, id: string, patch: UpdateRuleBody): Promise<RuleView> {
    if (Object.values(patch).every((value) => value === undefined)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'the update names no field to change');
    }
    const row = await findUserRule(this.dataSource.manager, userId, id);
    // updatedAt is the rule's version for the compiled-rule cache (UserRules): it always moves forward.
    const changes: Partial<RuleEntity> = { updatedAt: new Date(Math.max(Date.now(), row.updatedAt.getTime() + 1)) };
    if (patch.conditions !== undefined) {
      changes.conditions = checkRuleConditions(patch.conditions, 'patch.conditions', this.patterns);
    }
    // The category is checked with the ledger before the write: no transaction is held open across a call.
    if (patch.categoryId !== undefined) changes.categoryId = await this.usersCategory(userId, patch.categoryId);
    if (patch.name !== undefined) changes.name = patch.name.trim();
    if (patch.priority !== undefined) changes.priority = patch.priority;
    if (patch.match !== undefined) changes.matchMode = patch.match;
    if (patch.stopProcessing !== undefined) changes.stopProcessing = patch.stopProcessing;
    if (patch.enabled !== undefined) changes.enabled = patch.enabled;
    const { affected } = await this.runner.run(async (manager) => {
      if (changes.conditions !== undefined) await this.checkBudget(manager, userId, changes.conditions, row.id);
      return manager.update(RuleEntity, { id: row.id, userId }, changes);
    });
    if (!affected) throw ruleNotFound(id); // deleted meanwhile
    return toRuleView({ ...row, ...changes });
  }

  async delete(userId: string, id: string): Promise<{ id: string }> {
    const { affected } = await this.runner.run((manager) => manager.delete(RuleEntity, { id: id.toLowerCase(), userId }));
    if (!affected) throw ruleNotFound(id);
    return { id: id.toLowerCase() };
  }

  /** 400 VALIDATION_FAILED when the user's other rules plus these conditions pass a RULE_LIMITS total. */
  private async checkBudget(manager: EntityManager, userId: string, conditions: RuleCondition[], replacing?: string): Promise<void> {
    const others = await manager.find(RuleEntity, {
      select: { id: true, conditions: true },
      where: replacing === undefined ? { userId } : { userId, id: Not(replacing) },
    });
    const total = others.reduce((sum, rule) => addCosts(sum, conditionsCost(rule.conditions, this.patterns)), conditionsCost(conditions, this.patterns));
    checkUserRuleBudget(total);
  }

  /** The category's id as the ledger spells it; 404 CATEGORY_NOT_FOUND when it is not the user's. */
  private async usersCategory(userId: string, categoryId: string): Promise<string> {
    return (await this.ledger.send(LEDGER.getCategory, { userId, id: categoryId })).id;
  }
}
