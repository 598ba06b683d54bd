import { IsInt, Min } from 'class-validator';
import { CommonEnv } from './common-env';
import { EnvInt } from './env-types';
import { ConfigError, loadEnv } from './load-env';

class SampleEnv extends CommonEnv {
  @EnvInt()
  @IsInt()
  @Min(1)
  PORT = 3000;
}

describe('loadEnv', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const env = loadEnv(SampleEnv, {});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: '.data', MIGRATIONS_RUN: true, RPC_TIMEOUT_MS: 5000 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('converts numbers and booleans, where "false" means false', () => {
    expect(loadEnv(SampleEnv, { PORT: '8080', MIGRATIONS_RUN: 'false' })).toMatchObject({
      PORT: 8080,
      MIGRATIONS_RUN: false,
    });
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadEnv(SampleEnv, { PORT: 'eighty', DATABASE_URL: 'postgres://x', MIGRATIONS_RUN: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/MIGRATIONS_RUN/);
  });
});
