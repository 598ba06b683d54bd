import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CompiledRule, compileRule } from './compiled-rule';
import { RuleEntity } from './rule.entity';
import { RULE_ORDER } from './rule-order';
import { RulePatterns } from './rule-patterns';

/**
 * A user's enabled rules in evaluation order, ready to run. Read from the
 * database on every call (one indexed query), so that a rule saved through
 * any replica applies at once; the compiled patterns are cached.
 */
@Injectable()
export class UserRules {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly patterns: RulePatterns,
  ) {}

  async forUser(userId: string): Promise<CompiledRule[]> {
    const rows = await this.dataSource.manager.find(RuleEntity, { where: { userId, enabled: true }, order: RULE_ORDER });
    return rows.map((row) => compileRule(row, this.patterns));
  }
}
