import { DomainError, ErrorCode } from '@finstack/contracts';
import { resolvePeriod } from './report-period';

const refusal = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('the period of a report', () => {
  it('defaults to the twelve calendar months ending today', () => {
    expect(resolvePeriod({}, '2025-06-15')).toEqual({ from: '2024-07-01', to: '2025-06-15' });
    expect(resolvePeriod({}, '2025-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('counts the default start back from a given end', () => {
    expect(resolvePeriod({ to: '2025-03-10' }, '2030-01-01')).toEqual({ from: '2024-04-01', to: '2025-03-10' });
  });

  it('keeps a given period, a single day included', () => {
    expect(resolvePeriod({ from: '2025-02-01', to: '2025-02-01' }, '2030-01-01')).toEqual({ from: '2025-02-01', to: '2025-02-01' });
  });

  it('refuses a start after the end, saying which dates', () => {
    const error = refusal(() => resolvePeriod({ from: '2025-03-01', to: '2025-02-01' }, '2030-01-01'));
    expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, status: 400 });
    expect(error.message).toBe('from (2025-03-01) must not be after to (2025-02-01)');
  });

  it('explains a start in the future when the end defaulted to today', () => {
    const error = refusal(() => resolvePeriod({ from: '2026-01-01' }, '2025-06-15'));
    expect(error.message).toBe('from (2026-01-01) must not be after to (2025-06-15, today by default)');
  });

  it('allows 50 years and refuses one month more', () => {
    expect(resolvePeriod({ from: '1975-01-01', to: '2024-12-31' }, '2030-01-01').from).toBe('1975-01-01');
    const error = refusal(() => resolvePeriod({ from: '1974-12-31', to: '2024-12-31' }, '2030-01-01'));
    expect(error.message).toMatch(/at most 50 years .* spans 601 months/);
  });
});
