/**
 * What docker-compose.yml promises, checked without Docker (prove-stack.sh
 * runs the stack itself): only the API, Socket.IO and Mailpit's UI are published, every
 * app waits for what it uses to be healthy, each has its own schema, and the
 * apps find each other.
 */
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string>; target?: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  ports?: string[];
  restart?: string;
  profiles?: string[];
}

const ROOT = join(__dirname, '..', '..');
const raw = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
/** As compose reads it with nothing set: ${NAME:-default} is the default. */
const interpolated = raw.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
const services = (load(interpolated, { schema: CORE_SCHEMA.withTags(mergeTag) }) as { services: Record<string, Service> }).services;

/** Each TCP service with the setting by which it binds and is reached. */
const TCP_APPS: Record<string, string> = {
  'trx-crud': 'TRX_CRUD_HOST',
  classifier: 'CLASSIFIER_HOST',
  report: 'REPORT_HOST',
  portfolio: 'PORTFOLIO_HOST',
  var: 'VAR_HOST',
  notifications: 'NOTIFICATIONS_HOST',
};
const APPS = ['gateway', 'trx-crud', 'classifier', 'report', 'portfolio', 'var', 'notifications'];
const JOBS = ['bucket', 'seed'];
const INFRASTRUCTURE = ['mysql', 'redis', 's3', 'mailpit'];

const env = (name: string) => services[name].environment ?? {};
const dependencies = (name: string) => services[name].depends_on ?? {};

describe('docker-compose.yml', () => {
  it('has the infrastructure, the seven apps and the two one-shot jobs', () => {
    expect(Object.keys(services).sort()).toEqual([...INFRASTRUCTURE, ...APPS, ...JOBS].sort());
    expect(services.mysql.image).toBe('mysql:8.4');
    expect(services.redis.image).toBe('redis:7');
    // A maintained S3 server, pinned to a release (MinIO's community images stopped being published as before).
    expect(services.s3.image).toBe('versity/versitygw:v1.8.0');
    expect(services.mailpit.image).toBe('axllent/mailpit:v1.29.5');
  });

  it("sends the gateway's mail to Mailpit, whose SMTP port stays inside the network", () => {
    expect(env('gateway').SMTP_URL).toBe('smtp://mailpit:1025');
    expect(env('gateway').MAIL_TRANSPORT ?? 'smtp').toBe('smtp');
    expect(Object.keys(dependencies('gateway'))).toContain('mailpit');
    // The seed reads the demo user's verification mail through Mailpit's API.
    expect(env('seed').MAILPIT_URL).toBe('http://mailpit:8025');
  });

  it("publishes the gateway on 3000, notifications on 3001 and Mailpit's UI on 8025, on loopback, and nothing else", () => {
    const published = Object.entries(services).flatMap(([name, service]) => (service.ports ?? []).map((port) => `${name} ${port}`));
    expect(published.sort()).toEqual(['gateway 127.0.0.1:3000:3000', 'mailpit 127.0.0.1:8025:8025', 'notifications 127.0.0.1:3001:3001']);
    expect(env('gateway')).toMatchObject({ HTTP_HOST: '0.0.0.0', PORT: '3000' });
    expect(env('notifications')).toMatchObject({ HTTP_HOST: '0.0.0.0', NOTIFICATIONS_PORT: '3001' });
  });

  it('serves the console from the gateway, with notifications at the same origin through its /socket.io proxy', () => {
    expect(env('gateway').NOTIFICATIONS_URL).toBe(`http://notifications:${env('notifications').NOTIFICATIONS_PORT}`);
    expect(dependencies('gateway').notifications).toEqual({ condition: 'service_healthy' });
    const dockerfile = readFileSync(join(ROOT, 'docker', 'Dockerfile'), 'utf8');
    // The gateway's image holds the console's bundle where WEB_DIR looks by default.
    expect(dockerfile).toMatch(/RUN if \[ "\$\{APP\}" = gateway \]; then npx vite build;/);
    expect(dockerfile).toContain('COPY --from=web /app/apps/web/dist apps/web/dist');
  });

  it('builds each app from docker/Dockerfile with its own APP (and notifications, which holds every socket, a larger heap)', () => {
    for (const app of APPS) {
      const heap = app === 'notifications' ? { HEAP_MB: 768 } : {};
      expect([app, services[app].build]).toEqual([app, { context: '.', dockerfile: 'docker/Dockerfile', args: { APP: app, ...heap } }]);
    }
  });

  it('gives every long-running service a health check, and the one-shot jobs none and no restarts', () => {
    for (const name of [...INFRASTRUCTURE, ...APPS]) expect([name, services[name].healthcheck?.test?.length]).toEqual([name, expect.any(Number)]);
    for (const app of APPS) expect(services[app].healthcheck?.test).toEqual(['CMD', 'node', 'dist/scripts/healthcheck.js']);
    for (const job of JOBS) expect([job, services[job].healthcheck, services[job].restart]).toEqual([job, { disable: true }, 'no']);
    expect(services.seed.profiles).toEqual(['seed']);
  });

  it('starts each app only once what it uses is healthy (the bucket job: once it has finished)', () => {
    for (const name of [...APPS, ...JOBS]) {
      for (const [dependency, { condition }] of Object.entries(dependencies(name))) {
        const expected = JOBS.includes(dependency) ? 'service_completed_successfully' : 'service_healthy';
        expect([name, dependency, condition]).toEqual([name, dependency, expected]);
      }
      const uses = Object.keys(dependencies(name));
      if (env(name).DATABASE_URL) expect([name, uses]).toEqual([name, expect.arrayContaining(['mysql'])]);
      if (env(name).REDIS_URL) expect([name, uses]).toEqual([name, expect.arrayContaining(['redis'])]);
      if (env(name).OBJECT_STORE === 's3' && name !== 'bucket') expect([name, uses]).toEqual([name, expect.arrayContaining(['bucket'])]);
    }
    expect(Object.keys(dependencies('gateway'))).toEqual(expect.arrayContaining(['trx-crud', 'classifier', 'report', 'portfolio', 'var']));
    expect(Object.keys(dependencies('bucket'))).toEqual(['s3']);
    expect(Object.keys(dependencies('seed'))).toEqual(expect.arrayContaining(['gateway', 'bucket']));
  });

  it('gives every app with a database a schema of its own, created by the MySQL init script', () => {
    const schemas = APPS.filter((app) => env(app).DATABASE_URL).map((app) => [app, env(app).DATABASE_URL.replace(/^mysql:\/\/[^@]+@mysql:3306\//, '')]);
    expect(schemas).toEqual([
      ['gateway', 'identity'],
      ['trx-crud', 'ledger'],
      ['classifier', 'classifier'],
      ['portfolio', 'portfolio'],
      ['var', 'var'],
    ]);
    const init = readFileSync(join(ROOT, 'docker', 'mysql-init', '01-schemas.sql'), 'utf8');
    for (const [, schema] of schemas) {
      expect(init).toContain(`CREATE DATABASE IF NOT EXISTS \`${schema}\``);
      expect(init).toContain(`GRANT ALL PRIVILEGES ON \`${schema}\`.* TO '${env('mysql').MYSQL_USER}'@'%'`);
    }
  });

  it('has each TCP service bind its own host to 0.0.0.0 while every other app reaches it by service name', () => {
    for (const [app, hostVar] of Object.entries(TCP_APPS)) {
      for (const other of APPS) {
        expect([other, hostVar, env(other)[hostVar]]).toEqual([other, hostVar, other === app ? '0.0.0.0' : app]);
      }
    }
  });

  it('takes every password and key from the environment, with local-development defaults only', () => {
    const lines = raw.split('\n').map((line) => line.trim());
    const secrets = lines.filter((line) => /^[A-Z0-9_]*(PASSWORD|SECRET|PRIVATE_KEY|API_KEY)[A-Z0-9_]*:/.test(line));
    expect(secrets).toHaveLength(5);
    for (const line of secrets) expect(line).toMatch(/^[A-Z0-9_]+: \$\{[A-Z0-9_]+:-[^}]*\}$/);
    const databaseUrls = lines.filter((line) => line.startsWith('DATABASE_URL:'));
    expect(databaseUrls).toHaveLength(5);
    for (const line of databaseUrls) expect(line).toMatch(/^DATABASE_URL: mysql:\/\/finstack:\$\{MYSQL_PASSWORD:-[^}]*\}@mysql:3306\/[a-z]+$/);
    expect(raw).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/);
  });
});
