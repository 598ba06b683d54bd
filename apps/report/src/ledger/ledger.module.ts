import { Module } from '@nestjs/common';
import { LedgerAggregates } from './ledger-aggregates';
import { ledgerClientProvider } from './ledger-client';

@Module({
  providers: [ledgerClientProvider, LedgerAggregates],
  exports: [LedgerAggregates],
})
export class LedgerModule {}
