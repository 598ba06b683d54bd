import { Contract } from '@finstack/contracts';
import { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { withCallMetadata } from './call-metadata';
import { endHop, startClientHop } from './hop-tracing';
import { toDomainError } from './rpc-error';

export interface RpcClientOptions {
  /** Name used in error messages, e.g. "ledger". */
  service: string;
  timeoutMs: number;
  /** The token sent with each call (see rpcClientProvider); none when absent. */
  token?: (pattern: string, payload: unknown) => string | undefined;
}

/**
 * A typed request/response client for one service: the pattern decides the
 * payload and result types, so a renamed pattern is a compile error. Every
 * call is bounded by a timeout and fails with a DomainError. Each call
 * carries the current request id, trace context and the caller's token to the service.
 */
export class RpcClient<C extends object> {
  constructor(
    private readonly proxy: ClientProxy,
    private readonly options: RpcClientOptions,
  ) {}

  /** How long a call waits when it names no timeout of its own. */
  get defaultTimeoutMs(): number {
    return this.options.timeoutMs;
  }

  async send<P extends keyof C & string>(
    pattern: P,
    payload: RequestOf<C, P>,
    timeoutMs = this.options.timeoutMs,
  ): Promise<ResponseOf<C, P>> {
    const { span, metadata } = startClientHop(this.options.service, pattern);
    try {
      const token = this.options.token?.(pattern, payload);
      if (token !== undefined) metadata.token = token;
      const reply = await firstValueFrom(
        this.proxy.send<ResponseOf<C, P>>(pattern, withCallMetadata(payload, metadata)).pipe(timeout(timeoutMs)),
      );
      endHop(span);
      return reply;
    } catch (error) {
      const failure = toDomainError(error, this.options.service);
      endHop(span, failure);
      throw failure;
    }
  }

  close(): void {
    this.proxy.close();
  }
}

type RequestOf<C, P extends keyof C> = C[P] extends { request: infer R } ? R : never;
type ResponseOf<C, P extends keyof C> = C[P] extends { response: infer R } ? R : never;

/** Convenience alias for a contract-bound client. */
export type ContractClient<C extends Contract | object> = RpcClient<C>;
