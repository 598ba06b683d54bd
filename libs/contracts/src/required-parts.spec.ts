import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateRuleMessage } from './classifier';
import { BeginImportMessage, CreateTransactionMessage, ListTransactionsMessage, UpdateTransactionMessage } from './ledger';
import { AddHoldingMessage, IngestQuotesMessage } from './portfolio';
import { CashflowMessage, SummaryMessage } from './report';

/**
 * A service trusts no caller: a message without its body, query or patch
 * must be refused by validation (400), not reach a handler that reads it (500).
 */
describe('messages without their required parts', () => {
  const userId = '0190aaaa-0000-7000-8000-000000000001';
  const id = '0190aaaa-0000-7000-8000-000000000002';

  it.each([
    ['CreateTransactionMessage', CreateTransactionMessage, { userId }],
    ['ListTransactionsMessage', ListTransactionsMessage, { userId }],
    ['UpdateTransactionMessage', UpdateTransactionMessage, { userId, id }],
    ['BeginImportMessage', BeginImportMessage, { userId }],
    ['CreateRuleMessage', CreateRuleMessage, { userId }],
    ['SummaryMessage', SummaryMessage, { userId }],
    ['CashflowMessage', CashflowMessage, { userId }],
    ['AddHoldingMessage', AddHoldingMessage, { userId }],
    ['IngestQuotesMessage', IngestQuotesMessage, {}],
  ] as const)('%s is refused', (_, type, plain) => {
    const errors = validateSync(plainToInstance(type as new () => object, plain) as object);
    expect(errors.length).toBeGreaterThan(0);
  });
});
