#!/usr/bin/env node
/**
 * Runs before `npm start`, seed, feed and listen: builds only when a source
 * is newer than the last build, so on an unchanged tree they start at once
 * instead of after a full compile (`npm run build` stays the full, always-run
 * build). The build itself is incremental (tsconfig.build.json), so a change
 * recompiles what it touches. Plain JavaScript: it runs before anything is built.
 */
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, utimesSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
/** What `npm run build` compiles (tsconfig.build.json's include) and what steers it. */
const SOURCES = ['apps', 'libs', 'scripts', 'test/bench', 'test/load'];
const SETTINGS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const BUILD_INFO = join(root, 'dist', '.tsbuildinfo');

/** The newest modification time under `path`, in ms (0 when it does not exist). */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder's time
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

function isStale() {
  if (!existsSync(BUILD_INFO)) return true;
  const built = statSync(BUILD_INFO).mtimeMs;
  return [...SOURCES, ...SETTINGS].some((path) => newestMtime(join(root, path)) > built);
}

module.exports = { isStale };

if (require.main === module) {
  if (isStale()) {
    execSync('npm run build', { cwd: root, stdio: 'inherit' });
    // tsc leaves its build info alone when no compiled file changed (a spec did, say): mark the tree as built.
    if (existsSync(BUILD_INFO)) utimesSync(BUILD_INFO, new Date(), new Date());
  }
}
