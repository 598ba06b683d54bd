import { HEALTH, HealthContract, RpcMessage } from '@finstack/contracts';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CallableBy } from './callable-by';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

/** Answers the gateway's readiness probe over TCP. */
@Controller()
export class HealthRpcController {
  constructor(@Inject(SERVICE_NAME) private readonly service: string) {}

  @MessagePattern(HEALTH.ping)
  @CallableBy('anyone') // says only "up"; probes and load balancers carry no token
  ping(@Payload() _message: RpcMessage): HealthContract[typeof HEALTH.ping]['response'] {
    return { service: this.service, status: 'ok' };
  }
}
