export * from './envelope';
export * from './key-wrapper';
export * from './key-wrapper-from-env';
export * from './kms-key-wrapper';
export * from './local-key-ring';
export * from './sealed-column';
export * from './secret-context';
export * from './key-env';
