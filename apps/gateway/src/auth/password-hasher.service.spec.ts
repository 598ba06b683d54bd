import { PasswordHasher } from './password-hasher.service';

/** "$argon2id$v=19$m=19456,p=1,t=2$salt$hash" → { algorithm, m, t, p }, whatever the parameter order. */
function phcParameters(hash: string): Record<string, string> {
  const [, algorithm, , parameters] = hash.split('$');
  return { algorithm, ...Object.fromEntries(parameters.split(',').map((pair) => pair.split('='))) };
}

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id at the OWASP minimum: 19 MiB, 2 passes, 1 lane', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    expect(phcParameters(hash)).toEqual({ algorithm: 'argon2id', m: '19456', t: '2', p: '1' });
  });

  it('salts every hash, so equal passwords do not give equal hashes', async () => {
    expect(await hasher.hash('same password')).not.toBe(await hasher.hash('same password'));
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    await expect(hasher.verify(hash, 'correct horse battery staple')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'Correct horse battery staple')).resolves.toBe(false);
  });

  it('refuses every password when there is no stored hash, even the dummy one', async () => {
    await expect(hasher.verify(undefined, 'not-a-password-of-anyone')).resolves.toBe(false);
  });

  it('refuses rather than crashes on a corrupt stored hash', async () => {
    await expect(hasher.verify('$argon2id$garbage', 'anything')).resolves.toBe(false);
  });
});
