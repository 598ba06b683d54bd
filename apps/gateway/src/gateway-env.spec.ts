import { ConfigError, loadEnv } from '@finstack/config';
import { GatewayEnv } from './gateway-env';

const problemsOf = (env: Record<string, string>): string => {
  try {
    loadEnv(GatewayEnv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  return '';
};

describe('GatewayEnv, quote ingest settings', () => {
  it('has no operators and no ingest key by default', () => {
    const env = loadEnv(GatewayEnv, {});
    expect(env.OPERATOR_EMAILS).toEqual([]);
    expect(env.QUOTES_INGEST_API_KEY).toBeUndefined();
  });

  it('reads OPERATOR_EMAILS as a lower-case list, ignoring blanks around commas', () => {
    expect(loadEnv(GatewayEnv, { OPERATOR_EMAILS: ' Ops@Example.com,, b@example.com ' }).OPERATOR_EMAILS).toEqual([
      'ops@example.com',
      'b@example.com',
    ]);
  });

  it('names OPERATOR_EMAILS when an entry is not an email', () => {
    expect(problemsOf({ OPERATOR_EMAILS: 'ops@example.com, admin' })).toMatch(/OPERATOR_EMAILS: .*comma-separated list of email/);
  });

  it('refuses an ingest key shorter than 32 characters, or with spaces', () => {
    expect(problemsOf({ QUOTES_INGEST_API_KEY: 'x'.repeat(31) })).toMatch(/QUOTES_INGEST_API_KEY: .*32 to 256/);
    expect(problemsOf({ QUOTES_INGEST_API_KEY: `${'x'.repeat(20)} ${'y'.repeat(20)}` })).toMatch(/QUOTES_INGEST_API_KEY/);
    expect(loadEnv(GatewayEnv, { QUOTES_INGEST_API_KEY: 'x'.repeat(32) }).QUOTES_INGEST_API_KEY).toBe('x'.repeat(32));
  });
});
