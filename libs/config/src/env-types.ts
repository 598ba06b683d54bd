import { Transform } from 'class-transformer';

/** Env vars are text; "false", "0" and "no" must not become true. */
export const EnvBoolean = () =>
  Transform(({ value }) => {
    if (typeof value === 'boolean') return value;
    const text = String(value).trim().toLowerCase();
    if (['true', '1', 'yes'].includes(text)) return true;
    if (['false', '0', 'no'].includes(text)) return false;
    return value;
  });

export const EnvInt = () =>
  Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value));
