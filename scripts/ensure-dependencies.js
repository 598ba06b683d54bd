#!/usr/bin/env node
/**
 * Runs before `npm start`, `npm test`, `npm run typecheck` and lint: installs
 * the locked dependencies when node_modules is missing or older than
 * package-lock.json, so that the README commands work on a fresh clone. The
 * Pulumi program in infra/ is its own npm project with its own lock file: it is
 * installed the same way with `--with-infra` (tests, typecheck and lint need
 * it; `npm start` does not); so is the web console in apps/web, which every
 * command needs. Plain JavaScript, as nothing is built (or even
 * installed) yet when it runs.
 */
const { execSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

function ensureInstalled(project) {
  const lockFile = join(project, 'package-lock.json');
  const installed = join(project, 'node_modules', '.package-lock.json');
  const upToDate = existsSync(installed) && statSync(installed).mtimeMs >= statSync(lockFile).mtimeMs;
  if (!upToDate) {
    console.log(`installing dependencies of ${project} (npm ci)…`);
    execSync('npm ci --no-audit --no-fund', { cwd: project, stdio: 'inherit' });
  }
}

ensureInstalled(root);
if (process.argv.includes('--with-infra')) ensureInstalled(join(root, 'infra'));
ensureInstalled(join(root, 'apps', 'web'));
