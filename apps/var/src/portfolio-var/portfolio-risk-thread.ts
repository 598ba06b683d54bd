import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { portfolioRisk, PortfolioRiskParams, PortfolioRiskResult } from '../portfolio-risk';

/** Compiled worker entry; present under dist, absent when ts-jest runs the .ts sources. */
const WORKER_ENTRY = join(__dirname, 'portfolio-risk.worker.js');

/**
 * Computes a portfolio's risk on a worker thread of its own, so a million
 * correlated draws never hold up the requests this service is serving.
 * Without a compiled entry (ts-jest) it computes in place.
 */
export function computeOffThread(params: PortfolioRiskParams): Promise<PortfolioRiskResult> {
  if (!existsSync(WORKER_ENTRY)) return Promise.resolve().then(() => portfolioRisk(params));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY);
    worker.once('message', (result: PortfolioRiskResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`portfolio risk worker exited with code ${code}`)));
    worker.postMessage(params);
  });
}
