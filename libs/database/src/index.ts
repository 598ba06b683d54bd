export * from './bigint.transformer';
export * from './data-source-options';
export * from './database.module';
export * from './foreign-key-violation';
export * from './idempotency';
export * from './transaction-runner';
export * from './unique-violation';
export * from './query-error-logger';
