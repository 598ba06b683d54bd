import { rpcClientToken } from '@finstack/rpc';
import { Module } from '@nestjs/common';
import { LEDGER_SERVICE, ledgerClientProvider } from './ledger-client';

@Module({
  providers: [ledgerClientProvider],
  exports: [rpcClientToken(LEDGER_SERVICE)],
})
export class LedgerModule {}
