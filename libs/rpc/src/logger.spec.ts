import { createLogger } from './logger';
import { runWithRequestContext } from './request-context';
import { formatLine } from './text-log-lines';

function capture(level: 'log' | 'debug' = 'log') {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('gateway', level, 'json', { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON object a line, naming the app, the level and the context', () => {
    const { logger, lines } = capture();
    logger.log('listening', 'Bootstrap');
    expect(lines).toEqual([expect.objectContaining({ app: 'gateway', level: 'info', context: 'Bootstrap', msg: 'listening' })]);
  });

  it('adds the request id of the request being handled', () => {
    const { logger, lines } = capture();
    runWithRequestContext({ requestId: 'req-42' }, () => logger.warn('slow', 'Ledger'));
    logger.warn('outside');
    expect(lines[0]).toMatchObject({ requestId: 'req-42', msg: 'slow' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('redacts passwords, tokens and authorization headers wherever they sit', () => {
    const { logger, lines } = capture();
    logger.log({
      msg: 'login',
      password: 'hunter2',
      body: { refreshToken: 'r.t', accessToken: 'a.t' },
      req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1' } },
      JWT_PRIVATE_KEY: '-----BEGIN',
    });
    const text = JSON.stringify(lines);
    for (const secret of ['hunter2', 'r.t', 'a.t', 'Bearer abc', 'sid=1', 'BEGIN']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ password: '[redacted]', req: { headers: { authorization: '[redacted]' } } });
  });

  it('writes nothing below its level', () => {
    const { logger, lines } = capture('log');
    logger.debug('noise');
    logger.verbose('more noise');
    expect(lines).toEqual([]);
  });

  it('keeps the stack of an error Nest reports', () => {
    const { logger, lines } = capture();
    logger.error('unhandled error on ledger.x', 'Error: boom\n    at f', 'RpcExceptions');
    expect(lines[0]).toMatchObject({ level: 'error', context: 'RpcExceptions', stack: 'Error: boom\n    at f' });
  });
});

describe('formatLine', () => {
  it('turns a JSON line into one readable line for a terminal', () => {
    const line = JSON.stringify({ level: 'info', time: '2025-01-02T03:04:05.678Z', app: 'gateway', context: 'http', msg: 'request', status: 201, requestId: 'r1' });
    expect(formatLine(line)).toBe('03:04:05.678 INFO  gateway [http] request status=201 requestId=r1\n');
  });
});
