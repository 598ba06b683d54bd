export * from './classifier';
export * from './errors';
export * from './ledger';
export * from './report';
export * from './rpc';
export * from './validation';
export * from './timestamps';
