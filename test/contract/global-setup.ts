import { startTally } from './contract-tally';

export default function globalSetup(): void {
  startTally();
}
