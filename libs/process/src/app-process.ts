import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { runtimeEnvFor } from '@finstack/config';
import { canConnect, waitUntil } from './wait';

/** The apps `npm run build` produces, and how to tell each is ready. */
export type AppName = 'gateway' | 'trx-crud' | 'classifier' | 'report' | 'portfolio' | 'notifications';

export interface AppSpec {
  /** A name for messages; also picks the built entry point unless `entry` is given. */
  app: AppName | string;
  /** Absolute path of the built script to run, for processes that are not one of the apps. */
  entry?: string;
  env: Record<string, string>;
  /** Ready when this URL answers 200 (HTTP apps) or this port accepts connections (TCP apps). */
  ready: { url: string } | { port: number };
  /** Pass the parent's environment through (npm start) instead of a clean test environment. */
  inheritEnv?: boolean;
  /** Receives the app's output as it comes (npm start prints it; tests keep it quiet). */
  echo?: (chunk: string) => void;
}

const REPO_ROOT = join(__dirname, '..', '..', '..');

export function builtEntry(app: AppName, root = REPO_ROOT): string {
  // Works from sources (ts-jest) and from dist alike: both resolve to dist/.
  const base = root.endsWith('dist') ? root : join(root, 'dist');
  return join(base, 'apps', app, 'src', 'main.js');
}

/**
 * One app running as a real child process, as in production: started from
 * the build output, stopped with a signal, restartable with the same settings.
 */
export class AppProcess {
  private child?: ChildProcess;
  private output = '';
  /** Milliseconds from spawn to ready, for start-up benchmarks. */
  startMs = 0;
  /** Called when the process exits without being asked to. */
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;

  constructor(readonly spec: AppSpec) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** APP_READY_TIMEOUT_MS lengthens the wait on a machine too loaded for a process to start in 20 s. */
  async start(timeoutMs = Number(process.env.APP_READY_TIMEOUT_MS ?? 20_000)): Promise<this> {
    const began = performance.now();
    // No ops listener unless a test asks for one: the services' default ports would clash between parallel runs.
    const base = this.spec.inheritEnv ? process.env : { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', METRICS_PORT: '0' };
    // APP_CPU_PROF_DIR: each app writes a V8 CPU profile there when it exits (for finding where a request's time goes).
    const profiling = process.env.APP_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.APP_CPU_PROF_DIR}`] : [];
    const child = spawn(process.execPath, [...profiling, this.spec.entry ?? builtEntry(this.spec.app as AppName)], {
      env: { ...base, ...runtimeEnvFor(this.spec.app), ...this.spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => this.capture(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.capture(chunk));
    let exited = false;
    child.once('exit', (code, signal) => {
      exited = true;
      if (this.child === child) this.onExit?.(code, signal);
    });
    try {
      await waitUntil(`${this.spec.app} to be ready`, async () => {
        if (exited) throw new Error(`${this.spec.app} exited during start:\n${this.output}`);
        return this.isReady();
      }, timeoutMs);
    } catch (error) {
      await this.kill();
      throw new Error(`${(error as Error).message}\n--- ${this.spec.app} output ---\n${this.output}`);
    }
    this.startMs = performance.now() - began;
    return this;
  }

  /** Graceful stop (SIGTERM), waiting for the process to exit. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** Abrupt stop (SIGKILL), as a crash would. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async restart(): Promise<this> {
    await this.stop();
    return this.start();
  }

  logs(): string {
    return this.output;
  }

  private async isReady(): Promise<boolean> {
    const { ready } = this.spec;
    if ('port' in ready) return canConnect(ready.port);
    const response = await fetch(ready.url).catch(() => undefined);
    return response?.status === 200;
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }

  private capture(chunk: Buffer): void {
    const text = chunk.toString();
    this.spec.echo?.(text);
    // Keep the tail only: enough to explain a failure, bounded for long runs.
    this.output = (this.output + text).slice(-20_000);
  }
}
