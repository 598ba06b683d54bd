/** Jest global set-up and tear-down: one line per e2e run saying how many responses matched the contract. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TALLY = join(tmpdir(), `finstack-contract-tally-${process.pid}`);

export function startTally(): void {
  writeFileSync(TALLY, '');
  process.env.FINSTACK_CONTRACT_TALLY = TALLY;
}

export function printTally(): void {
  const counts = readFileSync(TALLY, 'utf8').split('\n').filter(Boolean).map(Number);
  rmSync(TALLY, { force: true });
  const total = counts.reduce((sum, count) => sum + count, 0);
  console.log(`\ncontract: ${total} responses in ${counts.length} test files matched docs/openapi.json`);
}
