import { canConnect, freePort, tempDataDir, waitUntil } from '@finstack/testing';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A MariaDB server of the test's own (Debian's mariadbd, a fresh data
 * directory, root without a password), so a chaos test can stop and restart a
 * database without touching the one everything else shares.
 */
export class PrivateMariaDb {
  private server?: ChildProcess;
  private readonly dataDir = tempDataDir('finstack-chaos-mariadb-');
  private port = 0;

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.port === 0) {
      this.port = await freePort();
      await promisify(execFile)('mariadb-install-db', [
        '--no-defaults',
        `--datadir=${this.data}`,
        '--user=root',
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ]);
    }
    // Same port and data directory every time: to the apps it is the same server coming back.
    this.server = spawn('mariadbd', [
      '--no-defaults',
      `--datadir=${this.data}`,
      `--socket=${join(this.dataDir.path, 'mariadb.sock')}`,
      `--port=${this.port}`,
      '--bind-address=127.0.0.1',
      '--user=root',
      `--pid-file=${join(this.dataDir.path, 'mariadb.pid')}`,
    ], { stdio: 'ignore' });
    await waitUntil('the private MariaDB to accept connections', () => canConnect(this.port), 20_000);
  }

  /** A clean shutdown, as a restart by an operator or a managed failover does it. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server || server.exitCode !== null) return;
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop();
    this.dataDir.remove();
  }

  private get data(): string {
    return join(this.dataDir.path, 'data');
  }
}
