/**
 * `npm run seed`: the sample price histories (AAPL, AMZN, the S&P 500 as SPX)
 * in the object store, and a demo user with a few months of realistic
 * transactions and a small wallet, created through the public API. Uses the
 * running system when there is one, otherwise starts it for the duration.
 * With API_URL set it seeds that system only, waiting for it to be ready
 * (SEED_WAIT_SECONDS, 120) and never starting one (compose's seed job).
 * Safe to run again: externalIds keep rows from being duplicated, and a
 * stored history is replaced by the same one.
 */
import { loadEnv } from '@finstack/config';
import { ObjectStoreEnv } from '@finstack/object-store';
import { createFinstackClient, FinstackClient } from '@finstack/client';
import { demoLedger } from './demo-ledger';
import { EmbeddedSystem, startEmbeddedSystem } from './embedded-system';
import { newestVerificationToken, newestVerificationTokenInMailpit } from './seed/mailed-verification';
import { seedSamplePrices } from './seed/sample-prices';
import { join } from 'node:path';

export const DEMO_EMAIL = 'demo@finstack.local';
export const DEMO_PASSWORD = 'demo-password-123';
const MONTHS = 4;
/** The demo wallet: enough for a portfolio VaR on the sample histories. */
const DEMO_HOLDINGS = [
  { ticker: 'AAPL', quantity: '40' },
  { ticker: 'AMZN', quantity: '5' },
];

async function isUp(apiUrl: string): Promise<boolean> {
  const response = await fetch(`${apiUrl}/health/ready`).catch(() => undefined);
  return response?.status === 200;
}

async function waitUntilUp(apiUrl: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await isUp(apiUrl))) {
    if (Date.now() > deadline) throw new Error(`${apiUrl}/health/ready did not answer 200 within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const logIn = (api: FinstackClient) => api.POST('/api/v1/auth/login', { body: { email: DEMO_EMAIL, password: DEMO_PASSWORD } });

/**
 * Registers the demo user (202 whether or not it exists) and, the first time,
 * confirms its address through the verification mail the local catcher kept
 * under DATA_DIR/mail (or Mailpit kept, with MAILPIT_URL), as a person would follow the link.
 */
async function demoToken(api: FinstackClient): Promise<string> {
  let login = await logIn(api);
  if (login.data) return tokenOf(login.data);
  const registered = await api.POST('/api/v1/auth/register', { body: { email: DEMO_EMAIL, password: DEMO_PASSWORD, displayName: 'Demo' } });
  if (registered.error) throw new Error(`could not register the demo user: ${registered.response.status} ${registered.error.message}`);
  const mailpitUrl = process.env.MAILPIT_URL;
  const mailDir = join(loadEnv(ObjectStoreEnv).DATA_DIR, 'mail');
  const newest = () => (mailpitUrl ? newestVerificationTokenInMailpit(mailpitUrl, DEMO_EMAIL) : newestVerificationToken(mailDir, DEMO_EMAIL));
  const deadline = Date.now() + 15_000;
  let token: string | undefined;
  while (!(token = await newest()) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!token) {
    const where = mailpitUrl ? `in Mailpit at ${mailpitUrl}` : `under ${mailDir}: is the embedded mail catcher running (SMTP_URL on loopback)?`;
    throw new Error(`no verification mail for ${DEMO_EMAIL} ${where}`);
  }
  const verified = await api.POST('/api/v1/auth/verify-email', { body: { token } });
  if (verified.error) throw new Error(`could not verify the demo user: ${verified.response.status} ${verified.error.message}`);
  login = await logIn(api);
  if (!login.data) throw new Error(`could not log in as the demo user: ${login.response.status} ${login.error?.message}`);
  return tokenOf(login.data);
}

function tokenOf(answer: { accessToken: string } | { mfaRequired: true }): string {
  if ('accessToken' in answer) return answer.accessToken;
  throw new Error(`${DEMO_EMAIL} has MFA on: turn it off in the console to seed its account again`);
}

async function seed(apiUrl: string): Promise<void> {
  const session: { token?: string } = {};
  const api = createFinstackClient({ baseUrl: apiUrl, accessToken: () => session.token });
  session.token = await demoToken(api);
  const categories = await api.GET('/api/v1/categories');
  if (!categories.data) throw new Error(`could not list the demo categories: ${categories.error?.message}`);
  const categoryId = new Map(categories.data.items.map((c) => [c.name, c.id]));
  let created = 0;
  let existing = 0;
  for (const { category, ...row } of demoLedger(MONTHS, new Date())) {
    const { error, response } = await api.POST('/api/v1/transactions', { body: { ...row, categoryId: categoryId.get(category) } });
    if (!error) created += 1;
    else if (response.status === 409) existing += 1;
    else throw new Error(`seeding failed on ${row.externalId}: ${response.status} ${error.message}`);
  }
  console.log(`demo user ${DEMO_EMAIL} / ${DEMO_PASSWORD}: ${created} transactions created, ${existing} already there`);
  for (const holding of DEMO_HOLDINGS) {
    // allowUnknown in case the histories are elsewhere; 409 means it is there from an earlier seed.
    const { error, response } = await api.POST('/api/v1/portfolio/holdings', { body: { ...holding, allowUnknown: true } });
    if (error && response.status !== 409) {
      throw new Error(`seeding the wallet failed on ${holding.ticker}: ${response.status} ${error.message}`);
    }
  }
  // Without quotes, the wallet values each holding at its sample history's last close.
  const { data: wallet } = await api.GET('/api/v1/portfolio/holdings');
  const priced = (wallet?.items ?? []).map(
    (h) => `${h.quantity} ${h.ticker} at ${h.price ?? '(no price)'}${h.priceSource === 'history' ? ` (close of ${h.closeDate})` : ''}`,
  );
  const totals = (wallet?.totals ?? []).map((total) => `${total.marketValue} ${total.currency}`).join(', ');
  console.log(`demo wallet: ${priced.join(', ')}; worth ${totals || 'nothing yet'}`);
}

async function main(): Promise<void> {
  const apiUrl = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  let system: EmbeddedSystem | undefined;
  if (process.env.API_URL) {
    console.log(`waiting for ${apiUrl} to be ready…`);
    await waitUntilUp(apiUrl, Number(process.env.SEED_WAIT_SECONDS) || 120);
  } else if (!(await isUp(apiUrl))) {
    console.log('finstack is not running; starting it for the seed…');
    system = await startEmbeddedSystem({ quiet: true });
  }
  try {
    const prices = await seedSamplePrices(loadEnv(ObjectStoreEnv));
    console.log(`price histories: ${prices.map((p) => `${p.ticker} ${p.rows} days ${p.from}..${p.to}`).join(', ')}`);
    await seed(system?.apiUrl ?? apiUrl);
  } finally {
    await system?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
