/**
 * The README and docs/ stay true to the repository: every relative link
 * (and its #anchor) resolves, every repository path named in backticks
 * exists, and every `npm run X` (and `npm start` / `npm test`) is a script
 * of package.json. A renamed file or script fails here, not in a reader's shell.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DOCS = [join(ROOT, 'README.md'), ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => join(ROOT, 'docs', name))];
const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

/** Where in the repository paths named in backticks are checked (not `dist/`, `.data/` or the infra's AWS names). */
const REPOSITORY_ROOTS = /^(apps|libs|scripts|test|docker|infra|data|docs|\.ci)\//;

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

/** The text outside fenced code blocks, where links are links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

function anchors(file: string): Set<string> {
  const headings = prose(readFileSync(file, 'utf8')).match(/^#{1,6} .+$/gm) ?? [];
  return new Set(headings.map((line) => anchorOf(line.replace(/^#+ /, ''))));
}

function links(file: string): string[] {
  const text = prose(readFileSync(file, 'utf8'));
  return [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]).filter((target) => !/^[a-z]+:/i.test(target));
}

function backtickedPaths(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]).filter((path) => REPOSITORY_ROOTS.test(path) && !/[*<>…]/.test(path));
}

function npmScripts(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const named = [...text.matchAll(/npm run ([\w:.-]+)/g)].map((match) => match[1]);
  const lifecycle = [...text.matchAll(/npm (start|test)\b/g)].map((match) => match[1]);
  return [...named, ...lifecycle];
}

describe('README.md and docs/*.md', () => {
  it('are where the checks look', () => {
    expect(DOCS.map((file) => relative(ROOT, file))).toEqual(expect.arrayContaining(['README.md', 'docs/architecture.md', 'docs/operations.md']));
  });

  it.each(DOCS.map((file) => [relative(ROOT, file), file]))('%s: every relative link resolves, anchors included', (_name, file) => {
    const broken = links(file).filter((target) => {
      const [path, anchor] = target.split('#');
      const destination = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
      if (!existsSync(destination)) return true;
      return anchor !== undefined && destination.endsWith('.md') && !anchors(destination).has(anchor);
    });
    expect(broken).toEqual([]);
  });

  it.each(DOCS.map((file) => [relative(ROOT, file), file]))('%s: every repository path in backticks exists', (_name, file) => {
    expect(backtickedPaths(file).filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it.each(DOCS.map((file) => [relative(ROOT, file), file]))('%s: every npm script it names is in package.json', (_name, file) => {
    expect(npmScripts(file).filter((name) => !scripts.includes(name))).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('make anchors as GitHub does', () => {
    expect(anchorOf('Events: the outbox and notifications')).toBe('events-the-outbox-and-notifications');
    expect(anchorOf('Under failure (measured 2026-12-06)')).toBe('under-failure-measured-2026-12-06');
    expect(anchorOf('`npm start` on Node 24')).toBe('npm-start-on-node-24');
  });
});
