import { DomainError, ErrorCode, ImportOptions } from '@finstack/contracts';

/** The import options with their defaults, whether or not they came through the validation pipe. */
export function withDefaults(options: ImportOptions): ImportOptions {
  return options instanceof ImportOptions ? options : Object.assign(new ImportOptions(), options);
}

/**
 * What the field rules cannot say alone: the amount comes from one signed
 * column, or from a debit and a credit column; every row needs a currency.
 */
export function assertUsableOptions(options: ImportOptions): void {
  const problems: { field: string; errors: string[] }[] = [];
  const { amountColumn, debitColumn, creditColumn } = options;
  if (amountColumn !== undefined && (debitColumn !== undefined || creditColumn !== undefined)) {
    problems.push({
      field: 'options.amountColumn',
      errors: ['give amountColumn, or debitColumn and creditColumn, not both'],
    });
  } else if (amountColumn === undefined && (debitColumn === undefined || creditColumn === undefined)) {
    const missing = debitColumn !== undefined ? 'creditColumn' : creditColumn !== undefined ? 'debitColumn' : 'amountColumn';
    problems.push({
      field: `options.${missing}`,
      errors: ['name the column of signed amounts (amountColumn), or both debitColumn and creditColumn'],
    });
  }
  if (options.currency === undefined && options.currencyColumn === undefined) {
    problems.push({
      field: 'options.currency',
      errors: ['give the currency of the rows (currency), or the column that holds it (currencyColumn)'],
    });
  }
  if (problems.length > 0) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, problems.flatMap((p) => p.errors).join('; '), problems);
  }
}
