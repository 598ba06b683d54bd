import { describe, expect, it } from 'vitest';
import { guessDateFormat, guessDecimalSeparator, guessMapping, splitLine } from './mapping-guess';

describe('guessMapping', () => {
  it('maps a plain bank export by its header names', () => {
    const { mapping, preview } = guessMapping('Date,Amount,Description,Currency\n2026-11-02,-5.00,Coffee,EUR\n2026-11-03,1200.00,Salary,EUR\n');
    expect(mapping).toMatchObject({ delimiter: ',', dateColumn: 'Date', amountColumn: 'Amount', descriptionColumn: 'Description', currencyColumn: 'Currency', dateFormat: 'YYYY-MM-DD', decimalSeparator: '.' });
    expect(preview.rows).toHaveLength(2);
  });

  it('reads a European export: semicolons, day-first dates, decimal commas, debit and credit columns', () => {
    const { mapping } = guessMapping('Booking date;Details;Debit;Credit\n24.12.2026;Bakery;-3,50;\n27.12.2026;Refund;;1.234,56\n');
    expect(mapping).toMatchObject({ delimiter: ';', dateColumn: 'Booking date', debitColumn: 'Debit', creditColumn: 'Credit', descriptionColumn: 'Details', dateFormat: 'DD.MM.YYYY', decimalSeparator: ',' });
    expect(mapping.amountColumn).toBeUndefined();
  });

  it('leaves out a lone debit column and unknown headers', () => {
    const { mapping } = guessMapping('when,debit,what\n2026-01-01,1,x\n');
    expect(mapping.debitColumn).toBeUndefined();
    expect(mapping.dateColumn).toBeUndefined();
  });
});

describe('pieces of the guess', () => {
  it('tells day-first from month-first by a day above 12', () => {
    expect(guessDateFormat(['02/11/2026', '25/11/2026'])).toBe('DD/MM/YYYY');
    expect(guessDateFormat(['11/02/2026', '11/25/2026'])).toBe('MM/DD/YYYY');
  });

  it('splits quoted fields with delimiters and quotes inside', () => {
    expect(splitLine('"a, b","say ""hi""",c', ',')).toEqual(['a, b', 'say "hi"', 'c']);
  });

  it('prefers the separator most amounts use', () => {
    expect(guessDecimalSeparator(['-12,34', '5,00', '7'])).toBe(',');
    expect(guessDecimalSeparator(['-12.34', '1,234.56'])).toBe('.');
  });
});
