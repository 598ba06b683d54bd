#!/usr/bin/env node
/**
 * Runs before `npm start` and `npm test`: installs the locked dependencies when
 * node_modules is missing or older than package-lock.json, so that the two
 * README commands work on a fresh clone. Plain JavaScript, as nothing is
 * built (or even installed) yet when it runs.
 */
const { execSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const lockFile = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');

const upToDate = existsSync(installed) && statSync(installed).mtimeMs >= statSync(lockFile).mtimeMs;
if (!upToDate) {
  console.log('installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
