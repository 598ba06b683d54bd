import { WriteOutcome } from '@finstack/testing';

/** One line of the table the chaos run prints. */
export interface ChaosRow {
  scenario: string;
  requests: number;
  successes: number;
  unavailable: number;
  /** Requests answered 201 whose row is not in the ledger afterwards: must be 0. */
  rowsLost: number;
  note: string;
}

/** A scenario's figures, from the outcomes of its write load and the rows stored afterwards. */
export function rowOf(scenario: string, outcomes: WriteOutcome[], stored: Set<string>, note: string): ChaosRow {
  const created = outcomes.filter((outcome) => outcome.status === 201);
  return {
    scenario,
    requests: outcomes.length,
    successes: created.length,
    unavailable: outcomes.filter((outcome) => outcome.status === 503).length,
    rowsLost: created.filter((outcome) => !stored.has(outcome.description)).length,
    note,
  };
}

export function printTable(rows: ChaosRow[]): void {
  const header = ['scenario', 'requests', 'successes', '503s', 'rows lost', 'note'];
  const cells = rows.map((row) => [row.scenario, row.requests, row.successes, row.unavailable, row.rowsLost, row.note].map(String));
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const line = (values: string[]) => `| ${values.map((value, column) => value.padEnd(widths[column])).join(' | ')} |`;
  console.log([line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.map(line)].join('\n'));
}
