import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  /** Liveness: the process serves HTTP (and Socket.IO on the same port). */
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
