import { hashRecoveryCode, newRecoveryCodes, normalizedRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';

describe('recovery codes', () => {
  it('come ten at a time, all different, in three groups of four easy-to-read characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
  });

  it('match however they are typed: any case, with or without dashes and spaces', () => {
    const [code] = newRecoveryCodes();
    const stored = normalizedRecoveryCode(code!);
    expect(normalizedRecoveryCode(code!.toUpperCase())).toBe(stored);
    expect(normalizedRecoveryCode(code!.replace(/-/g, ' '))).toBe(stored);
    expect(normalizedRecoveryCode(code!.replace(/-/g, ''))).toBe(stored);
  });

  it('refuse what cannot be a code: wrong length, or letters the alphabet leaves out', () => {
    expect(normalizedRecoveryCode('abcd-efgh-jkm')).toBeNull();
    expect(normalizedRecoveryCode('abcd-efgh-jkmnp')).toBeNull();
    expect(normalizedRecoveryCode('abcd-efgh-jkm0')).toBeNull(); // 0 is easily read as O
    expect(normalizedRecoveryCode('abcd-efgh-jkm1')).toBeNull();
    expect(normalizedRecoveryCode('')).toBeNull();
  });

  it('are stored as a hash bound to their owner: the same code of another user hashes differently', () => {
    const code = normalizedRecoveryCode('k7pm-x2qa-9rtd')!;
    const hash = hashRecoveryCode('0190c4a2-0000-7000-8000-000000000001', code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code);
    expect(hashRecoveryCode('0190c4a2-0000-7000-8000-000000000002', code)).not.toBe(hash);
  });
});
