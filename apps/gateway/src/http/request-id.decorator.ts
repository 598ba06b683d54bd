import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Request } from 'express';
import { requestIdOf } from './request-id.middleware';

/** The request id to pass along in every TCP message. */
export const RequestId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined =>
    requestIdOf(context.switchToHttp().getRequest<Request>()),
);
