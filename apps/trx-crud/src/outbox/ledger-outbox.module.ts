import { Module } from '@nestjs/common';
import { LedgerOutbox } from './ledger-outbox';

@Module({
  providers: [LedgerOutbox],
  exports: [LedgerOutbox],
})
export class LedgerOutboxModule {}
