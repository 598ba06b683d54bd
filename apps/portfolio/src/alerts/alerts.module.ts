import { Module } from '@nestjs/common';
import { AlertHistoryService } from './alert-history.service';
import { AlertsController } from './alerts.controller';

@Module({
  controllers: [AlertsController],
  providers: [AlertHistoryService],
})
export class AlertsModule {}
