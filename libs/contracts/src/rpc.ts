import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** One request/response pair of a message pattern. */
export interface Rpc<Request, Response> {
  request: Request;
  response: Response;
}

/** Maps each pattern string of a service to its request and response types. */
export type Contract = Record<string, Rpc<unknown, unknown>>;

/** Fields every message carries across a TCP hop. */
export class RpcMessage {
  /** Request id from the gateway, so one request can be followed through every service's logs. */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  requestId?: string;
}

/** A message acting on behalf of a user; the gateway takes userId from the token, never from a body. */
export class UserMessage extends RpcMessage {
  @IsUUID()
  userId!: string;
}

export const HEALTH = { ping: 'health.ping' } as const;

export interface HealthContract {
  [HEALTH.ping]: Rpc<RpcMessage, { service: string; status: 'ok' }>;
}
