import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line of one request carries, in whichever app handles it. */
export interface RequestContext {
  requestId?: string;
  /** Gateway only: the caller's access token, forwarded with each call made for this request. */
  userToken?: string;
  /** Service side: the token that came with the call being handled, verified by CallerGuard. */
  callToken?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` (and everything it starts, sync or async) inside this request's context. */
export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The request id of the request being handled here, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** The user's access token of the HTTP request being handled here (gateway), if any. */
export function currentUserToken(): string | undefined {
  return storage.getStore()?.userToken;
}

/** The token sent with the TCP call being handled here, if any. */
export function currentCallToken(): string | undefined {
  return storage.getStore()?.callToken;
}
