export * from './classifier';
export * from './errors';
export * from './ledger';
export * from './rpc';
export * from './validation';
export * from './timestamps';
