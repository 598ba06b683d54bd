import { Module } from '@nestjs/common';
import { LearningModule } from '../learning/learning.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RulesModule } from '../rules/rules.module';
import { AutoCategorizeService } from './auto-categorize.service';
import { ClassificationContexts } from './classification-contexts';
import { ClassificationController } from './classification.controller';
import { ClassificationService } from './classification.service';

@Module({
  imports: [LedgerModule, RulesModule, LearningModule],
  controllers: [ClassificationController],
  providers: [ClassificationService, AutoCategorizeService, ClassificationContexts],
})
export class ClassificationModule {}
