import { AppendImportMessage, BeginImportMessage, ImportIdMessage, LEDGER } from '@finstack/contracts';
import { Controller, UseInterceptors } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LedgerReply } from '../common/ledger-reply';
import { LedgerAccountInterceptor } from '../ledger-accounts/ledger-account.interceptor';
import { ImportsService } from './imports.service';

@Controller()
@UseInterceptors(LedgerAccountInterceptor)
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @MessagePattern(LEDGER.beginImport)
  begin(@Payload() message: BeginImportMessage): LedgerReply<typeof LEDGER.beginImport> {
    return this.imports.begin(message.userId, message.options, message.fileName);
  }

  @MessagePattern(LEDGER.appendImport)
  append(@Payload() message: AppendImportMessage): LedgerReply<typeof LEDGER.appendImport> {
    return this.imports.append(message.userId, message.importId, message.sequence, message.chunk);
  }

  @MessagePattern(LEDGER.finishImport)
  finish(@Payload() message: ImportIdMessage): LedgerReply<typeof LEDGER.finishImport> {
    return this.imports.finish(message.userId, message.importId);
  }

  @MessagePattern(LEDGER.abortImport)
  abort(@Payload() message: ImportIdMessage): LedgerReply<typeof LEDGER.abortImport> {
    return this.imports.abort(message.userId, message.importId);
  }

  @MessagePattern(LEDGER.getImport)
  get(@Payload() message: ImportIdMessage): LedgerReply<typeof LEDGER.getImport> {
    return this.imports.get(message.userId, message.importId);
  }
}
