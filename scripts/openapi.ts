/**
 * `npm run openapi`: writes the gateway's own OpenAPI document to
 * docs/openapi.json and the client's types generated from it to
 * libs/client/src/api-schema.ts. The gateway's module is built in process
 * on a throwaway data folder; nothing listens and no service is called.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

const ROOT = resolve(__dirname, '..', '..');
export const OPENAPI_PATH = join(ROOT, 'docs', 'openapi.json');
export const CLIENT_SCHEMA_PATH = join(ROOT, 'libs', 'client', 'src', 'api-schema.ts');

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'finstack-openapi-'));
  process.env.DATA_DIR = dataDir;
  process.env.LOG_LEVEL = 'error';
  try {
    const { NestFactory } = await import('@nestjs/core');
    const { AppModule } = await import('../apps/gateway/src/app.module');
    const { createOpenApiDocument } = await import('../apps/gateway/src/openapi/openapi-document');
    const { configureHttpApp } = await import('../apps/gateway/src/http/configure-http-app');
    const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: false, bodyParser: false });
    configureHttpApp(app, { trustProxyHops: 0 });
    const document = createOpenApiDocument(app);
    await app.close();
    writeFileSync(OPENAPI_PATH, `${JSON.stringify(document, null, 2)}\n`);
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), OPENAPI_PATH, '--default-non-nullable=false', '-o', CLIENT_SCHEMA_PATH], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const operations = Object.values(document.paths).flatMap((path) => Object.keys(path)).length;
    console.log(`wrote ${OPENAPI_PATH} (${operations} operations) and ${CLIENT_SCHEMA_PATH}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
