import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { it } from 'vitest';
import { launchChromium } from '../e2e/browser';
import { mailMatching } from '../e2e/mail';
import { REPO_ROOT, startStack } from '../e2e/stack';

/** `npm run bench:web`: the console's speed figures in Chromium against npm start's stack. */
const ROWS = 10_000;
const USER = { email: `bench-${Date.now()}@example.com`, password: 'a long passphrase 42' };

/** The JavaScript index.html loads before anything else: its entry script and the modules it preloads, gzipped. */
function initialJsGzipBytes(): { files: number; bytes: number } {
  const dist = join(REPO_ROOT, 'apps/web/dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  return { files: scripts.length, bytes: scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(dist, path))).length, 0) };
}

it('measures the web console', async () => {
  const stack = await startStack();
  const browser = await launchChromium();
  try {
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${stack.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    await post('/auth/register', USER);
    const [, token] = await mailMatching(stack.mailDir, USER.email, /\/verify-email\?token=([A-Za-z0-9_-]+)/);
    await post('/auth/verify-email', { token });
    const { accessToken } = (await (await post('/auth/login', USER)).json()) as { accessToken: string };
    const lines = ['Date,Amount,Description'];
    for (let i = 0; i < ROWS; i++) lines.push(`2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},-${(i % 500) + 1}.${String(i % 100).padStart(2, '0')},BENCH PAYEE ${i}`);
    const form = new FormData();
    form.append('file', new Blob([lines.join('\n')], { type: 'text/csv' }), 'bench.csv');
    const imported = await fetch(`${stack.url}/api/v1/imports?dateColumn=Date&amountColumn=Amount&descriptionColumn=Description&currency=EUR`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
      body: form,
    });
    if (!imported.ok) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
    console.log(`import: ${await imported.text()}`);

    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(`${stack.url}/ledger`); // a cold load: redirected to sign-in
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);

    await page.getByLabel(/^Email( \*)?$/).fill(USER.email);
    await page.getByLabel(/^Password( \*)?$/).fill(USER.password);
    const signedIn = Date.now();
    // The moment the first row is in the DOM, seen from inside the page (not by the test's polling).
    const clickedAt = await page.evaluate(() => {
      const seen = window as unknown as { firstRowAt?: number };
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid=ledger-row]')) {
          seen.firstRowAt = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
      return performance.now();
    });
    // Signing in lands on the page that was asked for: the ledger, with no stop at the dashboard.
    await page.getByRole('button', { name: 'Sign in' }).click();
    try {
      await page.getByTestId('ledger-row').first().waitFor({ timeout: 30_000 });
    } catch (error) {
      await page.screenshot({ path: join(REPO_ROOT, 'test-results', 'bench-ledger.png') });
      throw error;
    }
    const ledgerMs = Math.round((await page.evaluate(() => (window as unknown as { firstRowAt: number }).firstRowAt)) - clickedAt);
    const ledgerPolledMs = Date.now() - signedIn;
    // Where that time went: the log-in answer (argon2id), the ledger's code and its first request, from the click.
    const phases = await page.evaluate((from) => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const find = (test: (name: string) => boolean) => entries.find((entry) => entry.startTime >= from && test(entry.name));
      const span = (entry: PerformanceResourceTiming | undefined) => (entry ? `${Math.round(entry.startTime - from)}–${Math.round(entry.responseEnd - from)} ms` : 'not seen');
      return {
        login: span(find((name) => name.includes('/api/v1/auth/login'))),
        // The route asks for the ledger's code when the cold load is sent to sign in: usually before the click.
        code: entries.some((entry) => /\/assets\/Ledger-[^/]+\.js$/.test(entry.name) && entry.startTime < from) ? 'fetched before the click' : span(find((name) => /\/assets\/Ledger-[^/]+\.js$/.test(name))),
        firstPage: span(find((name) => name.includes('/api/v1/transactions?'))),
      };
    }, clickedAt);
    if (new URL(page.url()).pathname !== '/ledger') throw new Error(`signed in to ${page.url()}, not the ledger`);

    // Scroll the whole list; the next pages load as its end nears. The DOM keeps only the visible rows.
    let maxDomRows = 0;
    let loaded = 0;
    const began = Date.now();
    while (Date.now() - began < 240_000) {
      const state = await page.evaluate(() => {
        const list = document.querySelector('[data-testid=ledger-list]') as HTMLElement;
        list.scrollTop = list.scrollHeight;
        return { rows: document.querySelectorAll('[data-testid=ledger-row]').length, total: Number(list.getAttribute('aria-rowcount')) };
      });
      maxDomRows = Math.max(maxDomRows, state.rows);
      loaded = state.total;
      if (loaded >= ROWS) break;
      await page.waitForTimeout(100);
    }
    const js = initialJsGzipBytes();
    console.log(`
bench:web (Chromium ${browser.version()}, localhost)
  sign-in first contentful paint      ${fcp.toFixed(0)} ms   (target ≤ 1000)
  ledger first page after sign-in     ${ledgerMs} ms   (target ≤ 1000; ${ledgerPolledMs} ms as the test's polling saw it)
    log-in answer                     ${phases.login}
    ledger code                       ${phases.code}
    first page request                ${phases.firstPage}
  ledger rows loaded by scrolling     ${loaded} of ${ROWS}
  most ledger rows in the DOM         ${maxDomRows}   (target ≤ ~60)
  initial JS, gzipped                 ${(js.bytes / 1024).toFixed(1)} KB in ${js.files} file(s)   (target ≤ 250 KB)
  load average while measuring        ${loadavg().map((load) => load.toFixed(1)).join(', ')}
`);
  } finally {
    await browser.close();
    await stack.stop();
  }
});
