import { LoggerService, LogLevel } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import pino, { Logger as Pino } from 'pino';
import { currentRequestId } from './request-context';
import { textLines } from './text-log-lines';

/** Nest's levels and pino's, from most to least severe. */
const LEVELS: ReadonlyArray<[LogLevel, pino.Level]> = [
  ['fatal', 'fatal'],
  ['error', 'error'],
  ['warn', 'warn'],
  ['log', 'info'],
  ['debug', 'debug'],
  ['verbose', 'trace'],
];

const SECRET_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'set-cookie',
  'JWT_PRIVATE_KEY',
  'DATABASE_PASSWORD',
  'QUOTES_INGEST_API_KEY',
];

/** Secrets are replaced wherever they sit in a logged object, down to three levels (e.g. req.headers.authorization). */
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => {
  const field = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`);
  return [field, join('*'), join('*.*')];
});

/**
 * JSON logs by default (one object a line, ready for a collector); text for
 * people at a terminal. Every line names the app and, inside a request, its
 * request id (and trace id when tracing is on); secrets are redacted.
 */
export function createLogger(app: string, level: LogLevel, format: 'json' | 'text', destination?: pino.DestinationStream): PinoLoggerService {
  const pinoLevel = LEVELS.find(([nest]) => nest === level)?.[1] ?? 'info';
  const logger = pino(
    {
      level: pinoLevel,
      base: { app },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: requestFields,
    },
    destination ?? (format === 'text' ? textLines(process.stdout, !process.env.NO_COLOR) : pino.destination({ dest: 1, sync: true })),
  );
  return new PinoLoggerService(logger);
}

function requestFields(): Record<string, string> {
  const requestId = currentRequestId();
  const span = trace.getActiveSpan()?.spanContext();
  return {
    ...(requestId ? { requestId } : {}),
    ...(span && span.traceFlags & 1 ? { traceId: span.traceId, spanId: span.spanId } : {}),
  };
}

/** Nest's logger interface over pino: `logger.log(message, context)`, or an object with `msg` and fields. */
export class PinoLoggerService implements LoggerService {
  constructor(readonly pino: Pino) {}

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  private write(level: pino.Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    // Nest passes the context last; an error's stack comes before it.
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    for (const extra of params) {
      if (typeof extra === 'string') fields.stack = extra;
      else if (extra instanceof Error) fields.err = extra;
      else if (extra !== undefined) fields.details = extra;
    }
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      const { msg, ...rest } = message as Record<string, unknown>;
      this.pino[level]({ ...fields, ...rest }, typeof msg === 'string' ? msg : undefined);
    } else {
      this.pino[level](fields, String(message));
    }
  }
}
