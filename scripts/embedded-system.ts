import { loadEnv } from '@finstack/config';
import { CaughtMail, LocalSmtpCatcher } from '@finstack/mail';
import { LocalS3Server, ObjectStoreEnv } from '@finstack/object-store';
import { AppProcess } from '@finstack/process';
import { join } from 'node:path';
import { GatewayEnv } from '../apps/gateway/src/gateway-env';
import { NotificationsEnv } from '../apps/notifications/src/notifications-env';

export interface EmbeddedSystem {
  apiUrl: string;
  /** The local S3-compatible server, or S3_ENDPOINT; undefined for AWS S3. */
  objectStoreUrl?: string;
  notificationsUrl: string;
  apps: AppProcess[];
  stop(): Promise<void>;
}

const prefixLines = (app: string) => (chunk: string) =>
  process.stdout.write(
    chunk
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => `[${app}] ${line}\n`)
      .join(''),
  );

/**
 * Starts every app of finstack from the build output, on the settings of the
 * environment (embedded defaults when nothing is set): the local S3-compatible
 * server (files under DATA_DIR/s3) unless OBJECT_STORE=s3, the TCP services,
 * then the gateway, which is ready once it reaches all of them.
 */
export async function startEmbeddedSystem(options: { quiet?: boolean } = {}): Promise<EmbeddedSystem> {
  const env = loadEnv(GatewayEnv);
  const echo = (app: string) => (options.quiet ? undefined : prefixLines(app));
  const shared = { LOG_FORMAT: process.env.LOG_FORMAT ?? 'text' };
  const host = env.HTTP_HOST === '0.0.0.0' ? '127.0.0.1' : env.HTTP_HOST;
  const apiUrl = `http://${host}:${env.PORT}`;
  const notificationsEnv = loadEnv(NotificationsEnv);
  const notificationsHost = notificationsEnv.HTTP_HOST === '0.0.0.0' ? '127.0.0.1' : notificationsEnv.HTTP_HOST;
  const notificationsUrl = `http://${notificationsHost}:${notificationsEnv.NOTIFICATIONS_PORT}`;
  const trxCrud = new AppProcess({
    app: 'trx-crud',
    env: shared,
    inheritEnv: true,
    ready: { port: env.TRX_CRUD_PORT },
    echo: echo('trx-crud'),
  });
  const classifier = new AppProcess({
    app: 'classifier',
    env: shared,
    inheritEnv: true,
    ready: { port: env.CLASSIFIER_PORT },
    echo: echo('classifier'),
  });
  const report = new AppProcess({
    app: 'report',
    env: shared,
    inheritEnv: true,
    ready: { port: env.REPORT_PORT },
    echo: echo('report'),
  });
  const portfolio = new AppProcess({
    app: 'portfolio',
    env: shared,
    inheritEnv: true,
    ready: { port: env.PORTFOLIO_PORT },
    echo: echo('portfolio'),
  });
  const risk = new AppProcess({
    app: 'var',
    env: shared,
    inheritEnv: true,
    ready: { port: env.VAR_PORT },
    echo: echo('var'),
  });
  const gateway = new AppProcess({
    app: 'gateway',
    // The console's pushes on the gateway's own origin: /socket.io is proxied to notifications.
    env: { ...shared, NOTIFICATIONS_URL: process.env.NOTIFICATIONS_URL ?? notificationsUrl },
    inheritEnv: true,
    ready: { url: `${apiUrl}/health/ready` },
    echo: echo('gateway'),
  });
  // After the gateway, which makes the embedded key pair notifications verifies tokens with.
  const notifications = new AppProcess({
    app: 'notifications',
    env: shared,
    inheritEnv: true,
    ready: { url: `${notificationsUrl}/health` },
    echo: echo('notifications'),
  });
  const apps = [trxCrud, classifier, report, portfolio, risk, gateway, notifications];
  const storeEnv = loadEnv(ObjectStoreEnv);
  const objectStore =
    storeEnv.OBJECT_STORE === 'local' ? new LocalS3Server({ root: join(storeEnv.DATA_DIR, 's3'), port: storeEnv.LOCAL_S3_PORT }) : undefined;
  const mailCatcher = localMailCatcher(env, options.quiet);
  const stop = async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await objectStore?.stop();
    await mailCatcher?.stop();
  };
  try {
    await objectStore?.start();
    await mailCatcher?.start();
    for (const app of apps) await app.start(30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { apiUrl, notificationsUrl, apps, objectStoreUrl: objectStore?.endpoint ?? storeEnv.S3_ENDPOINT, stop };
}

/**
 * The embedded mode's outgoing mail: when SMTP_URL points at loopback, a
 * catcher listens there, keeps each message under DATA_DIR/mail and prints
 * its subject and link, so sign-up works without a mail account.
 */
function localMailCatcher(env: GatewayEnv, quiet?: boolean): LocalSmtpCatcher | undefined {
  const url = new URL(env.SMTP_URL);
  if (url.protocol !== 'smtp:' || !['127.0.0.1', 'localhost'].includes(url.hostname)) return undefined;
  return new LocalSmtpCatcher({
    host: '127.0.0.1',
    port: Number(url.port || 25),
    directory: join(env.DATA_DIR, 'mail'),
    onMessage: quiet ? undefined : (mail) => process.stdout.write(mailLine(mail)),
  });
}

function mailLine(mail: CaughtMail): string {
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  return `[mail] to ${mail.to.join(', ')}: ${mail.subject}${link ? `\n[mail]   ${link}` : ''}\n`;
}
