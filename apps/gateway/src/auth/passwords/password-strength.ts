import { DomainError, ErrorCode } from '@finstack/contracts';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { MIN_PASSWORD_SCORE, PasswordRater, StrengthVerdict } from './password-rater';
import type { RateRequest } from './password-rater.worker';

export { MIN_PASSWORD_SCORE } from './password-rater';
export type { StrengthVerdict } from './password-rater';

/** Compiled worker entry; absent when ts-jest runs the .ts sources (then zxcvbn runs in this thread). */
const WORKER_ENTRY = join(__dirname, 'password-rater.worker.js');

interface Pending {
  resolve: (verdict: StrengthVerdict) => void;
  reject: (error: Error) => void;
}

/**
 * Rates new passwords on a worker thread of their own. zxcvbn's ranked
 * dictionaries are about 45 MB of heap, over half of the gateway's: in its
 * main heap every full garbage collection under load marked them again. The
 * worker ranks them at boot, off the main thread.
 */
@Injectable()
export class PasswordStrength implements OnModuleDestroy {
  private worker?: Worker;
  private inThread?: PasswordRater;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor() {
    if (existsSync(WORKER_ENTRY)) this.worker = this.startWorker();
  }

  rate(password: string, userInputs: string[] = []): Promise<StrengthVerdict> {
    const worker = this.worker;
    if (!worker) return Promise.resolve((this.inThread ??= new PasswordRater()).rate(password, userInputs));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, password, userInputs } satisfies RateRequest);
    });
  }

  /** Throws 400 VALIDATION_FAILED naming the field and zxcvbn's reasons when the password is too easy to guess. */
  async assertStrong(field: string, password: string, userInputs: string[] = []): Promise<void> {
    const verdict = await this.rate(password, userInputs);
    if (verdict.strong) return;
    const reasons = [verdict.warning ?? 'This password is too easy to guess.', ...verdict.suggestions];
    const message = `${field} is too easy to guess (strength ${verdict.score} of 4, at least ${MIN_PASSWORD_SCORE} needed): ${reasons.join(' ')}`;
    throw new DomainError(ErrorCode.VALIDATION_FAILED, message, [{ field, errors: [message], warning: verdict.warning ?? null, suggestions: verdict.suggestions }]);
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private startWorker(): Worker {
    const worker = new Worker(WORKER_ENTRY);
    worker.unref(); // an idle rater does not keep the process alive
    worker.on('message', ({ id, verdict }: { id: number; verdict: StrengthVerdict }) => {
      this.pending.get(id)?.resolve(verdict);
      this.pending.delete(id);
    });
    // A crashed rater fails the ratings it held, and a fresh one takes its place.
    worker.once('error', (error) => {
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
      if (this.worker === worker) this.worker = this.startWorker();
    });
    return worker;
  }
}
