/** After each e2e file, adds how many responses it checked against the contract to the run's tally. */
import { contractValidations } from '@finstack/testing';
import { appendFileSync } from 'node:fs';

afterAll(() => {
  const tally = process.env.FINSTACK_CONTRACT_TALLY;
  if (tally) appendFileSync(tally, `${contractValidations()}\n`);
});
