import { NestExpressApplication } from '@nestjs/platform-express';
import { NextFunction, Request, Response, static as serveStatic } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths the console never answers: the API, health, docs, metrics and pushes keep their own handlers (or their 404s). */
const NOT_CONSOLE = /^\/(api|health|docs|docs-json|metrics|socket\.io)(\/|$|\?|-)/;

/**
 * A browser opening a page asks for text/html; an API client asking for an
 * unknown path (Accept: any type, or JSON) gets the API's 404, not the console.
 */
function wantsPage(req: Request): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

/** Vite puts content-hashed files under assets/: a changed file gets a new name, so they may be cached for good. */
const HASHED_ASSETS = '/assets';

/**
 * Serves the built web console (apps/web/dist) at `/`: hashed assets cached
 * for a year, index.html never cached (so a deploy is picked up on the next
 * load), and any other page a browser asks for that is not an API path answered with index.html,
 * where the console's router takes over. Returns false when there is no build.
 */
export function serveWebConsole(app: NestExpressApplication, webDir: string): boolean {
  const dir = resolve(webDir);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.use(
    HASHED_ASSETS,
    serveStatic(join(dir, 'assets'), {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  // A missing hashed file (an old tab after a deploy) is a 404, never index.html.
  app.use(HASHED_ASSETS, (req: Request, res: Response) => {
    res.status(404).json({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: `no file ${req.baseUrl}${req.path}` });
  });
  // Other files at the top of dist/ (favicon); not hashed, so revalidated.
  app.use(serveStatic(dir, { index: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_CONSOLE.test(req.path) || !wantsPage(req)) return next();
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(index, (error) => error && next(error));
  });
  return true;
}
