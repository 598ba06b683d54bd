import { LocalSmtpCatcher } from '@finstack/mail';
import { LocalS3Server } from '@finstack/object-store';
import { join } from 'node:path';
import { AppProcess } from '@finstack/process';
import { Backend, freshMysqlDatabase, tempDataDir } from './databases';
import { forgetMailbox, Mailbox, registerMailbox } from './mailbox';
import { freePort } from './ports';

/** The gateway's rate limits, lifted for test stacks (see gatewayEnv above). */
const UNLIMITED = [
  'RATE_LIMIT_REGISTER',
  'RATE_LIMIT_VERIFY',
  'RATE_LIMIT_LOGIN_IP',
  'RATE_LIMIT_LOGIN_ACCOUNT_IP',
  'RATE_LIMIT_LOGIN_ACCOUNT',
  'RATE_LIMIT_FORGOT_PASSWORD',
  'RATE_LIMIT_PASSWORD_CHANGE',
  'RATE_LIMIT_IMPORTS',
  'RATE_LIMIT_VAR',
  'RATE_LIMIT_RULE_APPLY',
];

export interface StackOptions {
  backend: Backend;
  /** Distinguishes the MySQL schemas of test suites that run one after another. */
  name: string;
  /** Extra settings for every app, e.g. OTEL_EXPORTER_OTLP_ENDPOINT or LOG_LEVEL. */
  commonEnv?: Record<string, string>;
  /** Receives every app's whole output as it comes (AppProcess.logs() keeps only the tail). */
  output?: (app: string, chunk: string) => void;
  /** Extra settings for the gateway, e.g. a short RPC_TIMEOUT_MS. */
  gatewayEnv?: Record<string, string>;
  /** Extra settings for trx-crud. */
  ledgerEnv?: Record<string, string>;
  /** Extra settings for the classifier. */
  classifierEnv?: Record<string, string>;
  /** Extra settings for the report service. */
  reportEnv?: Record<string, string>;
  /** Extra settings for the portfolio service. */
  portfolioEnv?: Record<string, string>;
  /** Extra settings for the var (risk) service. */
  varEnv?: Record<string, string>;
  /** Extra settings for notifications, e.g. REDIS_URL. */
  notificationsEnv?: Record<string, string>;
  /** The MySQL server to make the schemas on (a server URL without a schema); TEST_MYSQL_URL's by default. */
  mysqlServer?: string;
  /** Put every app's tables in one MySQL schema instead of one schema per app. */
  sharedSchema?: boolean;
  /** Point the gateway at this port instead of starting trx-crud (to test a service that hangs). */
  ledgerPort?: number;
}

export interface Stack {
  baseUrl: string;
  gateway: AppProcess;
  trxCrud?: AppProcess;
  classifier: AppProcess;
  /** Stateless: no database of its own. */
  report: AppProcess;
  portfolio: AppProcess;
  var: AppProcess;
  /** The local S3-compatible server holding the price histories. */
  objectStore: LocalS3Server;
  notifications: AppProcess;
  /** Where Socket.IO clients connect (path /socket.io). */
  notificationsUrl: string;
  /** The mail the gateway sent, through a real SMTP server (its SMTP_URL). */
  mailbox: Mailbox;
  /** Each TCP service's ops listener (GET /metrics, /health, /health/ready). */
  opsUrls: { trxCrud?: string; classifier: string; report: string; portfolio: string; var: string };
  /** Database URLs per schema (MySQL only). */
  databases: { identity?: string; ledger?: string; classifier?: string; portfolio?: string; var?: string };
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts trx-crud, the classifier, the report, portfolio and var services, the
 * gateway and notifications as real processes over real TCP, on fresh
 * databases, with a local S3-compatible server for the price histories.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const dataDir = tempDataDir(`finstack-${options.name}-`);
  const databases: Stack['databases'] = {};
  if (options.backend === 'mysql') {
    databases.identity = await freshMysqlDatabase(`finstack_e2e_${options.name}_identity`, options.mysqlServer);
    const schema = async (name: string) =>
      options.sharedSchema ? databases.identity : freshMysqlDatabase(`finstack_e2e_${options.name}_${name}`, options.mysqlServer);
    databases.ledger = await schema('ledger');
    databases.classifier = await schema('classifier');
    databases.portfolio = await schema('portfolio');
    databases.var = await schema('var');
  }
  const objectStore = new LocalS3Server({ root: join(dataDir.path, 's3') });
  await objectStore.start();
  const objectStorePort = new URL(objectStore.endpoint).port;
  const smtp = new LocalSmtpCatcher();
  await smtp.start();
  const mailbox = new Mailbox(smtp);
  const common = { DATA_DIR: dataDir.path, ...options.commonEnv };
  const ledgerPort = options.ledgerPort ?? (await freePort());
  // Every app knows every endpoint, so allocate them all first.
  const classifierPort = await freePort();
  const reportPort = await freePort();
  const portfolioPort = await freePort();
  const varPort = await freePort();
  const notificationsTcpPort = await freePort();
  const ops = { trxCrud: await freePort(), classifier: await freePort(), report: await freePort(), portfolio: await freePort(), var: await freePort() };
  const opsUrl = (port: number) => `http://127.0.0.1:${port}`;
  // Producers relay their outboxes here.
  const toNotifications = { NOTIFICATIONS_TCP_PORT: String(notificationsTcpPort) };
  let trxCrud: AppProcess | undefined;
  if (options.ledgerPort === undefined) {
    trxCrud = new AppProcess({
      app: 'trx-crud',
      env: {
        ...common,
        TRX_CRUD_PORT: String(ledgerPort),
        CLASSIFIER_PORT: String(classifierPort),
        METRICS_PORT: String(ops.trxCrud),
        ...toNotifications,
        ...(databases.ledger ? { DATABASE_URL: databases.ledger } : {}),
        ...options.ledgerEnv,
      },
      ready: { port: ledgerPort },
    });
  }
  const classifier = new AppProcess({
    app: 'classifier',
    env: {
      ...common,
      CLASSIFIER_PORT: String(classifierPort),
      TRX_CRUD_PORT: String(ledgerPort),
      METRICS_PORT: String(ops.classifier),
      ...(databases.classifier ? { DATABASE_URL: databases.classifier } : {}),
      ...options.classifierEnv,
    },
    ready: { port: classifierPort },
  });
  const report = new AppProcess({
    app: 'report',
    env: { ...common, REPORT_PORT: String(reportPort), TRX_CRUD_PORT: String(ledgerPort), METRICS_PORT: String(ops.report), ...options.reportEnv },
    ready: { port: reportPort },
  });
  const portfolio = new AppProcess({
    app: 'portfolio',
    env: {
      ...common,
      PORTFOLIO_PORT: String(portfolioPort),
      METRICS_PORT: String(ops.portfolio),
      ...toNotifications,
      ...(databases.portfolio ? { DATABASE_URL: databases.portfolio } : {}),
      ...options.portfolioEnv,
    },
    ready: { port: portfolioPort },
  });
  const risk = new AppProcess({
    app: 'var',
    env: {
      ...common,
      VAR_PORT: String(varPort),
      PORTFOLIO_PORT: String(portfolioPort),
      LOCAL_S3_PORT: objectStorePort,
      METRICS_PORT: String(ops.var),
      ...toNotifications,
      ...(databases.var ? { DATABASE_URL: databases.var } : {}),
      ...options.varEnv,
    },
    ready: { port: varPort },
  });
  const httpPort = await freePort();
  const baseUrl = `http://127.0.0.1:${httpPort}`;
  const gateway = new AppProcess({
    app: 'gateway',
    env: {
      ...common,
      PORT: String(httpPort),
      TRX_CRUD_PORT: String(ledgerPort),
      CLASSIFIER_PORT: String(classifierPort),
      REPORT_PORT: String(reportPort),
      PORTFOLIO_PORT: String(portfolioPort),
      VAR_PORT: String(varPort),
      SMTP_URL: smtp.url,
      // Suites sign many users up and in from one IP, and drive one user hard; the suites of the limits set their own.
      ...Object.fromEntries(UNLIMITED.map((name) => [name, '100000'])),
      ...toNotifications,
      ...(databases.identity ? { DATABASE_URL: databases.identity } : {}),
      ...options.gatewayEnv,
    },
    ready: { url: `${baseUrl}/health` },
  });
  const socketPort = await freePort();
  const notificationsUrl = `http://127.0.0.1:${socketPort}`;
  const notifications = new AppProcess({
    app: 'notifications',
    env: {
      ...common,
      NOTIFICATIONS_PORT: String(socketPort),
      ...toNotifications,
      PORTFOLIO_PORT: String(portfolioPort),
      ...options.notificationsEnv,
    },
    ready: { url: `${notificationsUrl}/health` },
  });
  registerMailbox(baseUrl, mailbox);
  const output = options.output;
  if (output) {
    for (const app of [trxCrud, classifier, report, portfolio, risk, gateway, notifications]) {
      if (app) app.spec.echo = (chunk) => output(app.spec.app, chunk);
    }
  }
  const stop = async () => {
    await Promise.all([gateway.stop(), notifications.stop(), classifier.stop(), report.stop(), portfolio.stop(), risk.stop(), trxCrud?.stop()]);
    await objectStore.stop();
    await smtp.stop();
    forgetMailbox(baseUrl);
    dataDir.remove();
  };
  try {
    // In order: the gateway is ready only once the services it forwards to are;
    // notifications after it, reading the key pair it made under DATA_DIR.
    for (const app of [trxCrud, classifier, report, portfolio, risk, gateway, notifications]) await app?.start();
  } catch (error) {
    await stop(); // apps started before the one that failed would outlive the test run
    throw error;
  }
  return {
    baseUrl,
    gateway,
    trxCrud,
    classifier,
    report,
    portfolio,
    var: risk,
    objectStore,
    notifications,
    notificationsUrl,
    mailbox,
    opsUrls: {
      trxCrud: trxCrud ? opsUrl(ops.trxCrud) : undefined,
      classifier: opsUrl(ops.classifier),
      report: opsUrl(ops.report),
      portfolio: opsUrl(ops.portfolio),
      var: opsUrl(ops.var),
    },
    databases,
    dataDir: dataDir.path,
    stop,
  };
}
