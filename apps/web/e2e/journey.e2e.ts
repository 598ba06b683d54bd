import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousViolations, watchConsole } from './browser';
import { mailMatching } from './mail';
import { REPO_ROOT, startStack, type RunningStack } from './stack';

const OPERATOR = { email: 'ops@example.com', password: 'operator passphrase 1' };
const USER = { email: `journey-${Date.now()}@example.com`, password: 'a long passphrase 42' };
const SHOTS = join(REPO_ROOT, 'test-results');
const DOCS_IMG = join(REPO_ROOT, 'docs', 'img');

/** An operator's API calls (quotes, price histories), as a price feed would make them. */
async function operatorToken(url: string, mailDir: string): Promise<string> {
  const json = { 'content-type': 'application/json' };
  await fetch(`${url}/api/v1/auth/register`, { method: 'POST', headers: json, body: JSON.stringify(OPERATOR) });
  const [, token] = await mailMatching(mailDir, OPERATOR.email, /\/verify-email\?token=([A-Za-z0-9_-]+)/);
  const verified = await fetch(`${url}/api/v1/auth/verify-email`, { method: 'POST', headers: json, body: JSON.stringify({ token }) });
  expect(verified.status).toBe(200);
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OPERATOR) });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

async function postQuote(url: string, token: string, price: string): Promise<void> {
  const response = await fetch(`${url}/api/v1/quotes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ ticker: 'AAPL', price, at: new Date().toISOString(), currency: 'USD' }),
  });
  expect(response.ok, `quote answered ${response.status}`).toBe(true);
}

describe('the web console journey, in Chromium against npm start’s stack', () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let consoleLog: { errors: string[] };
  let operator: string;

  beforeAll(async () => {
    // A strategy run above 200,000 draws becomes a job (202), so the journey sees its progress bar.
    stack = await startStack({ OPERATOR_EMAILS: OPERATOR.email, VAR_SYNC_MAX_DRAWS: '200000' });
    operator = await operatorToken(stack.url, stack.mailDir);
    const prices = await fetch(`${stack.url}/api/v1/market/prices/AAPL`, {
      method: 'PUT',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${operator}` },
      body: readFileSync(join(REPO_ROOT, 'data/prices/AAPL.csv')),
    });
    expect(prices.status).toBe(200);
    await postQuote(stack.url, operator, '190.10');
    browser = await launchChromium();
    // Reduced motion: axe would otherwise judge the contrast of a toast halfway through its fade-in.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    consoleLog = watchConsole(page);
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(DOCS_IMG, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const accessible = async (screen: string) => expect(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
  const shot = async (name: string, docs = false) => {
    // A README picture shows the screen, not the toasts of the steps before it.
    if (docs) {
      for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click({ timeout: 1_000 }).catch(() => undefined);
      await page.mouse.move(0, 899); // and no button under the pointer
    }
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
    if (docs) copyFileSync(join(SHOTS, `${name}.png`), join(DOCS_IMG, `${name}.png`));
  };
  const go = async (link: string) => {
    await page.getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: link === 'Import' ? 'Import a CSV' : link }).waitFor();
  };

  it('1. signs up, adds a transaction and categorises it from a suggestion', async () => {
    await page.goto(stack.url);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await accessible('sign in');
    await page.getByRole('link', { name: 'Create an account' }).click();
    // The API's limits are checked before submit.
    await page.getByLabel(/^Email( \*)?$/).fill(USER.email);
    await page.getByLabel(/^Password( \*)?$/).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('use at least 10 characters').waitFor();
    await page.getByLabel(/^Password( \*)?$/).fill(USER.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    // The address is confirmed with the code of the mail it was sent.
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await accessible('check your email');
    const [, code] = await mailMatching(stack.mailDir, USER.email, /code: (\d{6})/);
    await page.getByLabel(/^Code from the email( \*)?$/).fill(code!);
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    await go('Ledger');
    await page.getByText('No transactions match').waitFor();
    for (const [description, amount] of [
      ['TESCO STORES 42', '-23.40'],
      ['SALARY ACME LTD', '2500.00'],
    ]) {
      await page.getByRole('button', { name: 'New transaction' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Amount( \*)?$/).fill(amount!);
      await dialog.getByLabel(/^Description( \*)?$/).fill(description!);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('row').filter({ hasText: description }).waitFor();
    }
    await accessible('ledger');
    const tesco = page.getByRole('row').filter({ hasText: 'TESCO STORES 42' });
    await tesco.getByRole('button', { name: /Category of TESCO STORES 42/ }).click();
    const suggestion = page.getByTestId('suggestion').first();
    await suggestion.waitFor();
    const chosen = (await suggestion.textContent())!.split(/\d+ %/)[0]!.trim();
    await suggestion.click();
    // Chosen by hand now: the chip names the category without an automatic source.
    await expect.poll(async () => tesco.getByRole('button', { name: /Category of/ }).getAttribute('aria-label')).toBe(`Category of TESCO STORES 42: ${chosen} (by you). Change`);
    await shot('ledger', true);
  });

  it('1b. works the ledger from the keyboard: move, edit, categorise', async () => {
    const list = page.getByTestId('ledger-list');
    await list.focus();
    await page.keyboard.press('End');
    const cursor = list.locator('[data-cursor]');
    const last = (await cursor.textContent())!.includes('SALARY') ? 'SALARY ACME LTD' : 'TESCO STORES 42';
    const other = last === 'SALARY ACME LTD' ? 'TESCO STORES 42' : 'SALARY ACME LTD';
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => cursor.textContent()).toContain(other);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => cursor.textContent()).toContain(last);
    // E edits the row under the cursor; Escape closes and the list has the focus again.
    await page.keyboard.press('e');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel(/^Description( \*)?$/).inputValue()).toBe(last);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ledger-list');
    // C opens the row's categories; the keyboard picks one.
    await page.keyboard.press('c');
    await page.getByRole('menuitem', { name: 'Groceries', exact: true }).press('Enter');
    const row = page.getByRole('row').filter({ hasText: last });
    await expect.poll(() => row.getByRole('button', { name: /Category of/ }).getAttribute('aria-label')).toBe(`Category of ${last}: Groceries (by you). Change`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ledger-list');
    await page.keyboard.press(' ');
    await page.getByTestId('bulk-bar').getByText('1 selected').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });
  });

  it('2. imports a CSV: a dry run with a bad line, a clean import, then a re-import of duplicates', async () => {
    await go('Import');
    await accessible('import');
    const month = new Date().toISOString().slice(0, 7);
    const bad = `Date,Amount,Description\n${month}-02,-4.50,COFFEE BAR\nnot-a-date,-1.00,BROKEN\n`;
    await page.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByTestId('import-preview').waitFor();
    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    const badLines = page.getByTestId('bad-lines');
    await badLines.waitFor();
    expect(await badLines.textContent()).toContain('3');

    const clean = `Date,Amount,Description\n${month}-02,-4.50,COFFEE BAR\n${month}-03,-61.20,SHELL FUEL\n${month}-04,-15.99,NETFLIX.COM\n`;
    await page.locator('input[type=file]').setInputFiles({ name: 'clean.csv', mimeType: 'text/csv', buffer: Buffer.from(clean) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByTestId('inserted').textContent()).toBe('3');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByTestId('duplicates').textContent()).toBe('3');
    await expect.poll(() => page.getByTestId('inserted').textContent()).toBe('0');
  });

  it('3. draws the dashboard charts with data', async () => {
    await go('Dashboard');
    const cashflowBars = page.getByTestId('cashflow-chart').locator('.recharts-bar-rectangle path');
    await expect.poll(() => cashflowBars.count()).toBeGreaterThan(0);
    const slices = page.getByTestId('category-chart').locator('.recharts-pie-sector');
    await expect.poll(() => slices.count()).toBeGreaterThan(0);
    await accessible('dashboard');
    await shot('dashboard', true);
  });

  it('4. adds AAPL to the wallet and sees its price change live when a quote arrives', async () => {
    await go('Wallet');
    await page.getByText('No holdings yet').waitFor();
    await page.getByLabel(/^Ticker( \*)?$/).fill('AAPL');
    await page.getByLabel(/^Quantity( \*)?$/).fill('10');
    await page.getByLabel(/^Average cost \(optional\)( \*)?$/).fill('150');
    await page.getByRole('button', { name: 'Add' }).click();
    const price = page.getByTestId('holding-AAPL').getByTestId('price');
    await expect.poll(() => price.textContent()).toContain('190.10');
    await accessible('wallet');
    await postQuote(stack.url, operator, '201.55');
    await expect.poll(() => price.textContent(), { timeout: 15_000 }).toContain('201.55');
    await shot('wallet', true);
  });

  it('5. sets a watchlist target and sees the toast when it is crossed', async () => {
    await go('Watchlist');
    await page.getByLabel(/^Ticker( \*)?$/).fill('AAPL');
    await page.getByLabel(/^Target price( \*)?$/).fill('210');
    await page.getByRole('button', { name: 'Watch' }).click();
    await page.getByTestId('watchlist').getByText('AAPL').waitFor();
    await accessible('watchlist');
    await go('Ledger'); // the toast shows on any screen
    await postQuote(stack.url, operator, '212.00');
    await page.getByText('AAPL crossed your target').waitFor({ timeout: 15_000 });
  });

  it('6. runs a strategy VaR large enough to be a job and follows its progress to the result chart', async () => {
    await go('Strategy VaR');
    await page.getByRole('combobox', { name: 'Ticker' }).click();
    await page.getByRole('option', { name: 'AAPL' }).click();
    await page.getByLabel(/^Samples S( \*)?$/).fill('20000');
    await page.getByLabel(/^Shards R( \*)?$/).fill('2');
    await page.getByRole('button', { name: 'Run analysis' }).click();
    await page.getByTestId('var-progress').waitFor({ timeout: 30_000 });
    await page.getByTestId('var-result').waitFor({ timeout: 180_000 });
    await expect.poll(() => page.getByTestId('price-chart').locator('canvas').count()).toBeGreaterThan(0);
    // The backtest: a bar per trade, and Kupiec's test per level.
    const backtest = page.getByTestId('backtest-chart');
    await expect.poll(() => backtest.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(10);
    expect(await backtest.getAttribute('aria-label')).toMatch(/\d+ beyond VaR 95 % \([\d.]+ expected\)/);
    await accessible('strategy VaR');
    await page.getByTestId('var-result').scrollIntoViewIfNeeded();
    await shot('strategy-var');
    await backtest.scrollIntoViewIfNeeded();
    await shot('strategy-var-backtest');
  });

  it('6b. computes a historical portfolio VaR and draws its P&L histogram with the VaR and ES lines', async () => {
    await go('Portfolio VaR');
    await page.getByRole('button', { name: 'Compute' }).click();
    const histogram = page.getByTestId('pnl-histogram');
    await expect.poll(() => histogram.locator('.recharts-bar-rectangle').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
    await expect.poll(() => histogram.locator('.recharts-reference-line').count()).toBe(4);
    await accessible('portfolio VaR');
    await histogram.scrollIntoViewIfNeeded();
    await shot('portfolio-var');
  });

  it('7. sees its sessions, turns sign-in alerts off and changes its password in settings', async () => {
    await go('Settings');
    // This browser's session is listed and marked.
    await page.getByTestId('sessions').getByText('This browser').waitFor();
    await accessible('settings');
    await shot('settings');
    const alerts = page.getByRole('switch', { name: /Email me when someone signs in/ });
    expect(await alerts.isChecked()).toBe(true);
    await alerts.click();
    await page.getByText('Sign-in alerts are off').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Settings' }).waitFor();
    await expect.poll(() => page.getByRole('switch', { name: /Email me when someone signs in/ }).isChecked()).toBe(false);
    // The API's limits before submit, then the server's strength check next to the input.
    const form = page.getByRole('form', { name: 'Change password' });
    await form.getByLabel(/^Current password( \*)?$/).fill(USER.password);
    await form.getByLabel(/^New password( \*)?$/).fill('short');
    await form.getByLabel(/^New password again( \*)?$/).fill('short');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('use at least 10 characters').waitFor();
    await form.getByLabel(/^New password( \*)?$/).fill('passwordpassword');
    await form.getByLabel(/^New password again( \*)?$/).fill('passwordpassword');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByRole('alert').waitFor();
    USER.password = 'a changed and long passphrase 58';
    await form.getByLabel(/^New password( \*)?$/).fill(USER.password);
    await form.getByLabel(/^New password again( \*)?$/).fill(USER.password);
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. Your other sessions are signed out.').waitFor();
  });

  it('8. signs out, opens the ledger, and after signing in lands on the ledger', async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.goto(`${stack.url}/ledger`);
    await page.getByLabel(/^Email( \*)?$/).fill(USER.email);
    await page.getByLabel(/^Password( \*)?$/).fill(USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ledger' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/ledger');
  });

  it('9. resets a forgotten password through the mailed link', async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel(/^Email( \*)?$/).fill(USER.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('a link to set a new password is on its way').waitFor();
    await accessible('forgot password');
    const [link] = await mailMatching(stack.mailDir, USER.email, /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/);
    const target = new URL(link);
    await page.goto(`${stack.url}${target.pathname}${target.search}`);
    await page.getByLabel(/^New password( \*)?$/).fill('short');
    await page.getByLabel(/^New password again( \*)?$/).fill('short');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('use at least 10 characters').waitFor();
    USER.password = 'another quite long passphrase 77';
    await page.getByLabel(/^New password( \*)?$/).fill(USER.password);
    await page.getByLabel(/^New password again( \*)?$/).fill(USER.password);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Your password is changed').waitFor();
    await accessible('reset password');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel(/^Email( \*)?$/).fill(USER.email);
    await page.getByLabel(/^Password( \*)?$/).fill(USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });

  it('10. signs out, and a reload stays signed out', async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(consoleLog.errors).toEqual([]);
  });
});
