import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`);
}

/**
 * Reads the environment into a typed, validated settings object. Defaults are
 * the property initialisers of the class; every bad variable is named at once.
 */
export function loadEnv<T extends object>(
  settingsClass: new () => T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const settings = plainToInstance(settingsClass, defined, { exposeDefaultValues: true });
  const errors = validateSync(settings, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(describe(errors));
  return settings;
}
