import { CALL_METADATA_KEY, takeCallMetadata, withCallMetadata } from './call-metadata';

describe('the call envelope', () => {
  it('travels beside the caller\'s fields and comes off before the service reads the payload', () => {
    const sent = withCallMetadata({ userId: 'u1' }, { requestId: 'r-1', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    const received = JSON.parse(JSON.stringify(sent)) as Record<string, unknown>;
    expect(takeCallMetadata(received)).toEqual({ requestId: 'r-1', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    expect(received).toEqual({ userId: 'u1' });
  });

  it('leaves the caller\'s own object alone', () => {
    const payload = { userId: 'u1' };
    withCallMetadata(payload, { requestId: 'r-1' });
    expect(payload).toEqual({ userId: 'u1' });
  });

  it('drops what is not a sane id rather than passing it into logs', () => {
    const received = { [CALL_METADATA_KEY]: { requestId: 'a\nb', traceparent: 'x'.repeat(600), tracestate: 7 } };
    expect(takeCallMetadata(received)).toEqual({});
    expect(received).toEqual({});
  });

  it('finds nothing in a payload without it', () => {
    expect(takeCallMetadata({ userId: 'u1' })).toEqual({});
    expect(takeCallMetadata(undefined)).toEqual({});
    expect(takeCallMetadata({ [CALL_METADATA_KEY]: 'junk' })).toEqual({});
  });

  it('carries a compact token, and drops one that is not a compact JWT or is too long', () => {
    const token = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2ln';
    expect(takeCallMetadata(JSON.parse(JSON.stringify(withCallMetadata({}, { token }))))).toEqual({ token });
    expect(takeCallMetadata({ [CALL_METADATA_KEY]: { token: 'not a token' } })).toEqual({});
    expect(takeCallMetadata({ [CALL_METADATA_KEY]: { token: `a.${'b'.repeat(5000)}.c` } })).toEqual({});
  });
});
