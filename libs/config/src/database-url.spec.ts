import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { CommonEnv } from './common-env';
import { loadEnv } from './load-env';

/** What TypeORM's MySQL driver connects with, from the URL an app's settings hold. */
function connectionOf(env: Record<string, string>) {
  const url = loadEnv(CommonEnv, env).DATABASE_URL;
  if (!url) throw new Error('no DATABASE_URL');
  return DriverUtils.buildDriverOptions({ url });
}

describe('DATABASE_PASSWORD and DATABASE_USER', () => {
  it('give TypeORM the password from its own variable, whatever characters it holds', () => {
    const password = 'p@ss:w/rd%#?!&=+ é';
    expect(connectionOf({ DATABASE_URL: 'mysql://finstack@db.internal:3306/ledger', DATABASE_PASSWORD: password })).toMatchObject({
      username: 'finstack',
      password,
      host: 'db.internal',
      port: 3306,
      database: 'ledger',
    });
  });

  it('replace the credentials the URL already has', () => {
    expect(
      connectionOf({ DATABASE_URL: 'mysql://old:stale@db.internal:3306/ledger', DATABASE_USER: 'app', DATABASE_PASSWORD: 'fresh' }),
    ).toMatchObject({ username: 'app', password: 'fresh', host: 'db.internal', database: 'ledger' });
  });

  it('replace only what is set: a user alone keeps the URL password', () => {
    expect(connectionOf({ DATABASE_URL: 'mysql://old:kept@db.internal/ledger', DATABASE_USER: 'app' })).toMatchObject({
      username: 'app',
      password: 'kept',
    });
  });

  it('leave DATABASE_URL as it is when neither is set', () => {
    expect(loadEnv(CommonEnv, { DATABASE_URL: 'mysql://root@127.0.0.1:3306/ledger' }).DATABASE_URL).toBe('mysql://root@127.0.0.1:3306/ledger');
  });

  it('need DATABASE_URL: without one the app stays on SQLite', () => {
    expect(loadEnv(CommonEnv, { DATABASE_PASSWORD: 'secret' }).DATABASE_URL).toBeUndefined();
  });
});
