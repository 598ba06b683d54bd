import { EVENT_TYPES } from '@finstack/contracts';
import { authLoginEvent, MAX_USER_AGENT_LENGTH } from './login-events';

const USER = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';
const AT = new Date(Date.UTC(2026, 10, 22, 9, 30, 0, 250));

describe('authLoginEvent: the sign-in alert for an account owner', () => {
  it('tells the owner where and with what they were signed in, and when', () => {
    const event = authLoginEvent(USER, { ip: '203.0.113.7', userAgent: 'finstack-ios/1.2 (iPhone)' }, AT);
    expect(event).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: EVENT_TYPES.authLogin,
      userId: USER,
      occurredAt: '2026-11-22T09:30:00.250Z',
      payload: {
        ip: '203.0.113.7',
        userAgent: 'finstack-ios/1.2 (iPhone)',
        at: '2026-11-22T09:30:00.250Z',
        message: 'new sign-in from 203.0.113.7, finstack-ios/1.2 (iPhone)',
      },
    });
  });

  it('says "unknown" for a client that sent no User-Agent, or only blanks', () => {
    for (const userAgent of [undefined, '', '   ']) {
      expect(authLoginEvent(USER, { ip: '203.0.113.7', userAgent }, AT).payload).toMatchObject({
        userAgent: 'unknown',
        message: 'new sign-in from 203.0.113.7, unknown',
      });
    }
    expect(authLoginEvent(USER, {}, AT).payload.message).toBe('new sign-in from unknown, unknown');
  });

  it(`cuts a long User-Agent to ${MAX_USER_AGENT_LENGTH} characters`, () => {
    const { payload } = authLoginEvent(USER, { ip: '203.0.113.7', userAgent: `Mozilla/5.0 ${'x'.repeat(5000)}` }, AT);
    expect(payload.userAgent).toHaveLength(MAX_USER_AGENT_LENGTH);
    expect(payload.userAgent.startsWith('Mozilla/5.0 xxx')).toBe(true);
    expect(payload.message).toBe(`new sign-in from 203.0.113.7, ${payload.userAgent}`);
  });

  it('keeps control characters a client slipped into its headers out of the alert', () => {
    const { payload } = authLoginEvent(USER, { ip: '203.0.113.7\u0000', userAgent: 'curl/8.5\u001b[2J\r\nX-Injected: 1' }, AT);
    expect(payload.ip).toBe('203.0.113.7');
    expect(payload.userAgent).toBe('curl/8.5 [2J X-Injected: 1');
  });
});
