/**
 * The one envelope for call metadata on a TCP hop: the client adds it to the
 * payload under a reserved key, the server takes it off before any pipe sees
 * the payload (validation refuses unknown fields), so no contract declares it.
 */
export const CALL_METADATA_KEY = '_meta';

export interface CallMetadata {
  /** The gateway's request id, so one request can be followed through every app's logs. */
  requestId?: string;
  /** W3C trace context of the calling span. */
  traceparent?: string;
  tracestate?: string;
  /** The caller's proof: a user's access token (from the gateway) or a service token. */
  token?: string;
}

/** Sent on as given; anything else (too long, not printable) is dropped rather than logged. */
const SANE = /^[\x20-\x7e]{1,512}$/;
const SANE_ID = /^[\x21-\x7e]{1,128}$/;
/** A compact JWT; a longer one is no token this system signs. */
const SANE_TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const MAX_TOKEN_CHARS = 4096;

/** The payload as it goes on the wire: the caller's fields plus the envelope. */
export function withCallMetadata(payload: unknown, metadata: CallMetadata): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
  return { ...payload, [CALL_METADATA_KEY]: metadata };
}

/** Removes the envelope from a received payload and returns its sane fields. */
export function takeCallMetadata(payload: unknown): CallMetadata {
  if (typeof payload !== 'object' || payload === null || !Object.hasOwn(payload, CALL_METADATA_KEY)) return {};
  const record = payload as Record<string, unknown>;
  const raw = record[CALL_METADATA_KEY];
  delete record[CALL_METADATA_KEY];
  if (typeof raw !== 'object' || raw === null) return {};
  const { requestId, traceparent, tracestate, token } = raw as Record<string, unknown>;
  return {
    ...(typeof requestId === 'string' && SANE_ID.test(requestId) ? { requestId } : {}),
    ...(typeof traceparent === 'string' && SANE.test(traceparent) ? { traceparent } : {}),
    ...(typeof tracestate === 'string' && SANE.test(tracestate) ? { tracestate } : {}),
    ...(typeof token === 'string' && token.length <= MAX_TOKEN_CHARS && SANE_TOKEN.test(token) ? { token } : {}),
  };
}
