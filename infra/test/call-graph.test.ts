import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_NAMES, AppName, callersOf } from '../src/apps';

const APPS_DIR = join(__dirname, '..', '..', 'apps');

/** Every `service:<app>` an app's patterns accept (`@CallableBy(...)` in its sources). */
function servicesAcceptedBy(app: AppName): Set<string> {
  const accepted = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        for (const declaration of readFileSync(path, 'utf8').matchAll(/@CallableBy\(([^)]*)\)/g)) {
          for (const caller of declaration[1].matchAll(/'service:([a-z-]+)'/g)) accepted.add(caller[1]);
        }
      }
    }
  };
  walk(join(APPS_DIR, app, 'src'));
  return accepted;
}

describe('the call graph and the callers each service accepts', () => {
  it.each(APP_NAMES.filter((app) => app !== 'gateway'))('%s accepts service tokens only from its callers, and from each of them', (app) => {
    const accepted = [...servicesAcceptedBy(app)];
    // The network lets its callers in (security groups); the patterns must agree, or a call is refused or a port is open for nothing.
    for (const caller of accepted) expect(callersOf(app)).toContain(caller);
    // The gateway calls with the user's token (and its own service token only for operator-only patterns); every other caller with its service token.
    for (const caller of callersOf(app).filter((name) => name !== 'gateway')) expect(accepted).toContain(caller);
  });
});
