import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CompiledRule, compileRules } from './compiled-rule';
import { RuleEntity } from './rule.entity';
import { RULE_ORDER } from './rule-order';
import { RulePatterns } from './rule-patterns';

/** Users whose compiled rules are kept; the least recently classified goes first. */
const MAX_CACHED_USERS = 1000;

interface CachedRules {
  /** The ids and versions (updatedAt) of the enabled rules, in evaluation order. */
  version: string;
  rules: CompiledRule[];
}

/**
 * A user's enabled rules in evaluation order, ready to run. Every call asks
 * the database for the rules' ids and versions (one indexed query, no
 * conditions), so that a rule saved through any replica applies at once; the
 * rules are read and compiled again only when that list changed.
 */
@Injectable()
export class UserRules {
  private readonly cache = new Map<string, CachedRules>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly patterns: RulePatterns,
  ) {}

  async forUser(userId: string): Promise<CompiledRule[]> {
    return (await this.forUsers([userId])).get(userId)!;
  }

  /** Several users' rules, with one query for all their versions (a batch of new transactions). */
  async forUsers(userIds: readonly string[]): Promise<Map<string, CompiledRule[]>> {
    const versions = new Map(userIds.map((userId) => [userId, [] as string[]]));
    const rows = await this.dataSource.manager.find(RuleEntity, {
      select: { id: true, userId: true, updatedAt: true },
      where: { userId: In([...userIds]), enabled: true },
      order: RULE_ORDER,
    });
    for (const row of rows) versions.get(row.userId)?.push(versionOf(row));
    return new Map(await Promise.all(userIds.map(async (userId) => [userId, await this.current(userId, versions.get(userId)!.join(','))] as const)));
  }

  private async current(userId: string, version: string): Promise<CompiledRule[]> {
    const cached = this.cache.get(userId);
    this.cache.delete(userId); // re-inserted as the most recently used
    if (cached?.version === version) {
      this.cache.set(userId, cached);
      return cached.rules;
    }
    const where = { userId, enabled: true };
    const rows = await this.dataSource.manager.find(RuleEntity, { where, order: RULE_ORDER });
    const rules = compileRules(rows, this.patterns);
    // Read in between: a rule changed after the version query is recompiled on the next call.
    const entry = { version: rows.map(versionOf).join(','), rules };
    if (this.cache.size >= MAX_CACHED_USERS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(userId, entry);
    return rules;
  }
}

function versionOf(rule: Pick<RuleEntity, 'id' | 'updatedAt'>): string {
  return `${rule.id}@${rule.updatedAt.getTime()}`;
}
