import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousViolations, watchConsole } from './browser';
import { mailMatching } from './mail';
import { startStack, type RunningStack } from './stack';
import { Authenticator } from './totp';

const USER = { email: `mfa-${Date.now()}@example.com`, password: 'a long passphrase 42' };

/** Two-step verification in the console: enrol, sign in with a recovery code and with a code, then delete the account. */
describe('two-step verification and account deletion, in Chromium against npm start’s stack', () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let consoleLog: { errors: string[] };
  let authenticator: Authenticator;
  let recoveryCodes: string[];

  beforeAll(async () => {
    stack = await startStack();
    const json = { 'content-type': 'application/json' };
    await fetch(`${stack.url}/api/v1/auth/register`, { method: 'POST', headers: json, body: JSON.stringify(USER) });
    const [, token] = await mailMatching(stack.mailDir, USER.email, /\/verify-email\?token=([A-Za-z0-9_-]+)/);
    await fetch(`${stack.url}/api/v1/auth/verify-email`, { method: 'POST', headers: json, body: JSON.stringify({ token }) });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    consoleLog = watchConsole(page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const accessible = async (screen: string) => expect(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
  const signIn = async () => {
    await page.getByLabel(/^Email( \*)?$/).fill(USER.email);
    await page.getByLabel(/^Password( \*)?$/).fill(USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('turns two-step verification on in settings and shows the recovery codes once', async () => {
    await page.goto(`${stack.url}/settings`);
    await signIn();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByTestId('mfa-qr').waitFor();
    expect(await page.getByTestId('mfa-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    authenticator = new Authenticator((await page.getByTestId('mfa-secret').textContent())!);
    await accessible('settings: MFA enrolment');
    // A code of the wrong shape is refused next to its input before anything is sent.
    await page.getByLabel(/^Code from the app( \*)?$/).fill('12345');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('the 6 digits your authenticator app shows').waitFor();
    await page.getByLabel(/^Code from the app( \*)?$/).fill(await authenticator.freshCode());
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByTestId('recovery-codes').getByRole('listitem');
    await expect.poll(() => codes.count()).toBe(10);
    recoveryCodes = (await codes.allTextContents()).map((code) => code.trim());
    await accessible('settings: recovery codes');
    await page.getByRole('button', { name: 'I saved them' }).click();
    await page.getByRole('form', { name: 'Turn two-step verification off' }).waitFor();
  });

  it('asks for the second step at sign-in: a recovery code works once, then a code from the app', async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.goto(`${stack.url}/ledger`);
    await signIn();
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    await accessible('MFA step');
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.getByLabel(/^Recovery code( \*)?$/).fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    // On to the page that was asked for.
    await page.getByRole('heading', { level: 2, name: 'Ledger' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/ledger');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn();
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.getByLabel(/^Recovery code( \*)?$/).fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    // The used code is refused, with the API's message.
    await page.locator('form').getByRole('alert').waitFor();
    await page.getByRole('button', { name: 'Use the authenticator app' }).click();
    await page.getByLabel(/^Authentication code( \*)?$/).fill(await authenticator.freshCode());
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    // Back where the person signed out.
    await page.getByRole('heading', { level: 2, name: 'Ledger' }).waitFor();
  });

  it('deletes the account from settings with the password and a code, and is signed out', async () => {
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Password( \*)?$/).fill(USER.password);
    await dialog.getByLabel(/^Authentication code( \*)?$/).fill(await authenticator.freshCode());
    await dialog.getByLabel(/^Type DELETE to confirm( \*)?$/).fill('DELETE');
    await accessible('delete account');
    await dialog.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByText('Your account is deleted.').waitFor();
    await signIn();
    await page.locator('form').getByRole('alert').waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(consoleLog.errors).toEqual([]);
  });
});
