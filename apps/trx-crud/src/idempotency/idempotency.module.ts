import { Module } from '@nestjs/common';
import { IdempotentRequestsService } from './idempotent-requests.service';

@Module({
  providers: [IdempotentRequestsService],
  exports: [IdempotentRequestsService],
})
export class IdempotencyModule {}
