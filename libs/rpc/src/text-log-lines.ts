import { DestinationStream } from 'pino';

const COLORS: Record<string, string> = { fatal: '35', error: '31', warn: '33', info: '32', debug: '36', trace: '90' };
const SHOWN_FIRST = new Set(['time', 'level', 'app', 'context', 'msg']);

/**
 * pino's JSON lines turned into one readable line each, for a terminal:
 * `12:01:02.345 INFO  gateway [http] GET /api/v1/x 200 requestId=…`. Small on
 * purpose: a pretty-printer dependency is not worth it for `npm start`.
 */
export function textLines(out: NodeJS.WritableStream, colors: boolean): DestinationStream {
  return {
    write(line: string) {
      out.write(formatLine(line, colors));
    },
  };
}

export function formatLine(line: string, colors = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = String(entry.level ?? 'info');
  const label = level.toUpperCase().padEnd(5);
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const context = entry.context ? ` [${String(entry.context)}]` : '';
  const fields = Object.entries(entry)
    .filter(([key]) => !SHOWN_FIRST.has(key) && key !== 'stack' && key !== 'err')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const trail = fields.length > 0 ? ` ${fields.join(' ')}` : '';
  const stack = typeof entry.stack === 'string' ? `\n${entry.stack}` : errStack(entry.err);
  const head = colors ? `\x1b[${COLORS[level] ?? '0'}m${label}\x1b[0m` : label;
  return `${time} ${head} ${String(entry.app ?? '')}${context} ${String(entry.msg ?? '')}${trail}${stack}\n`;
}

function errStack(err: unknown): string {
  if (typeof err !== 'object' || err === null) return '';
  const { stack } = err as { stack?: unknown };
  return typeof stack === 'string' ? `\n${stack}` : '';
}
