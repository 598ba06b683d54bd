/** Worker-thread entry: one portfolio VaR computation, off the service's event loop. */
import { parentPort } from 'node:worker_threads';
import { portfolioRisk, PortfolioRiskParams } from '../portfolio-risk';

const port = parentPort;
if (port) {
  port.once('message', (params: PortfolioRiskParams) => {
    port.postMessage(portfolioRisk(params));
  });
}
