/**
 * build-base-images.sh takes its Debian mirror from the machine's apt sources
 * (apt-mirror.sh), so the repository names no package host of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, 'apt-mirror.sh');
let dir: string;

function mirrorOf(files: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const run = spawnSync('bash', [SCRIPT], { env: { ...process.env, APT_SOURCES_DIR: dir }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'apt-sources-'));
  mkdirSync(join(dir, 'sources.list.d'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('apt-mirror.sh', () => {
  it('reads the main archive of a deb822 .sources file, not its security archive or deb-src', () => {
    const sources = [
      'Types: deb-src\nURIs: http://src.mirror.test/debian\nSuites: bookworm\nComponents: main\n',
      'Types: deb\nURIs: http://security.mirror.test/debian-security\nSuites: bookworm-security\nComponents: main\n',
      'Types: deb\nURIs: http://mirror.test/debian/\nSuites: bookworm bookworm-updates\nComponents: main\n',
    ].join('\n');
    expect(mirrorOf({ 'sources.list.d/debian.sources': sources })).toEqual({ status: 0, stdout: 'http://mirror.test/debian', stderr: '' });
  });

  it('reads the one-line form, options included, and skips other repositories', () => {
    const list = '# comment\ndeb [arch=amd64] https://packages.example.test/apt stable main\ndeb [signed-by=/k.gpg] http://one-line.test/debian bookworm main\n';
    expect(mirrorOf({ 'sources.list': list }).stdout).toBe('http://one-line.test/debian');
  });

  it('ignores disabled files and fails, naming DEBIAN_MIRROR, when no mirror is configured', () => {
    const result = mirrorOf({ 'sources.list.d/debian.sources.disabled': 'Types: deb\nURIs: http://off.test/debian\n' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('set DEBIAN_MIRROR');
  });
});
