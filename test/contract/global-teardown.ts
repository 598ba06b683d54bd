import { printTally } from './contract-tally';

export default function globalTeardown(): void {
  printTally();
}
