import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { KnowledgeStore } from './knowledge-store';
import { LearningController } from './learning.controller';
import { LearningService } from './learning.service';

@Module({
  imports: [LedgerModule],
  controllers: [LearningController],
  providers: [KnowledgeStore, LearningService],
  exports: [KnowledgeStore],
})
export class LearningModule {}
