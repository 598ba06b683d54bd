import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root; the stack runs from its build output (npm run build). */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);

interface EmbeddedSystem {
  apiUrl: string;
  stop(): Promise<void>;
}

export interface RunningStack {
  url: string;
  /** Where the embedded mail catcher keeps what the gateway sent (one .eml a message). */
  mailDir: string;
  stop(): Promise<void>;
}

/**
 * Starts finstack as `npm start` does (scripts/embedded-system: SQLite, the
 * local S3 server, every app, the gateway serving the built console and
 * proxying /socket.io), on free test ports and a fresh data folder.
 */
export async function startStack(extraEnv: Record<string, string> = {}): Promise<RunningStack> {
  const { freePort } = require(join(REPO_ROOT, 'dist/libs/testing/src/index.js')) as { freePort: () => Promise<number> };
  const { startEmbeddedSystem } = require(join(REPO_ROOT, 'dist/scripts/embedded-system.js')) as {
    startEmbeddedSystem: (options: { quiet?: boolean }) => Promise<EmbeddedSystem>;
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'finstack-web-e2e-'));
  const names = ['PORT', 'TRX_CRUD_PORT', 'CLASSIFIER_PORT', 'REPORT_PORT', 'PORTFOLIO_PORT', 'VAR_PORT', 'NOTIFICATIONS_TCP_PORT', 'NOTIFICATIONS_PORT', 'LOCAL_S3_PORT'];
  const ports: Record<string, string> = {};
  for (const name of names) ports[name] = String(await freePort());
  Object.assign(process.env, {
    ...ports,
    DATA_DIR: dataDir,
    WEB_DIR: join(REPO_ROOT, 'apps/web/dist'),
    METRICS_PORT: '0',
    SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  });
  const system = await startEmbeddedSystem({ quiet: true });
  return {
    url: system.apiUrl,
    mailDir: join(dataDir, 'mail'),
    stop: async () => {
      await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
