import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** What `npm start` loads to run the apps: it must not need a test library or a devDependency. */
const RUNTIME_FILES = [
  ...readdirSync(__dirname)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .map((name) => join('libs', 'process', 'src', name)),
  'scripts/start.ts',
  'scripts/embedded-system.ts',
];

describe('the process runner of npm start', () => {
  it.each(RUNTIME_FILES)('%s imports nothing from libs/testing or @nestjs/testing', (file) => {
    const imports = [...readFileSync(join(ROOT, file), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((name) => /@finstack\/testing|@nestjs\/testing|libs\/testing/.test(name))).toEqual([]);
  });
});
