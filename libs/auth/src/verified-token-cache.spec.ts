import { VerifiedTokenCache } from './verified-token-cache';

describe('VerifiedTokenCache', () => {
  const user = { userId: 'u1', email: 'a@example.com' };

  it('answers for a token until its expiry, then forgets it', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache(10, () => now);
    cache.remember('token-a', user, (now + 5_000) / 1000);
    expect(cache.get('token-a')).toEqual(user);
    now += 5_000;
    expect(cache.get('token-a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('only matches the identical token', () => {
    const cache = new VerifiedTokenCache();
    cache.remember('header.claims.signature', user, Date.now() / 1000 + 60);
    expect(cache.get('header.claims.signaturX')).toBeUndefined();
  });

  it('stays within its capacity by dropping the oldest entries', () => {
    const cache = new VerifiedTokenCache(2);
    const later = Date.now() / 1000 + 60;
    cache.remember('one', user, later);
    cache.remember('two', user, later);
    cache.remember('three', user, later);
    expect(cache.size).toBe(2);
    expect(cache.get('one')).toBeUndefined();
    expect(cache.get('three')).toEqual(user);
  });
});
