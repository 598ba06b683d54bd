import { ConsoleLogger, LogLevel } from '@nestjs/common';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** JSON logs by default (one object a line, ready for a collector); text for people at a terminal. */
export function createLogger(app: string, level: LogLevel, format: 'json' | 'text'): ConsoleLogger {
  return new ConsoleLogger(app, {
    json: format === 'json',
    colors: format === 'text' && !process.env.NO_COLOR,
    logLevels: LEVELS.slice(0, LEVELS.indexOf(level) + 1),
  });
}
