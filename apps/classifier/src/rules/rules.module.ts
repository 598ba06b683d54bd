import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { RuleApplicationService } from './rule-application.service';
import { RulePatterns } from './rule-patterns';
import { RulesController } from './rules.controller';
import { RulesService } from './rules.service';
import { UserRules } from './user-rules';

@Module({
  imports: [LedgerModule],
  controllers: [RulesController],
  providers: [RulesService, RuleApplicationService, RulePatterns, UserRules],
  exports: [UserRules],
})
export class RulesModule {}
