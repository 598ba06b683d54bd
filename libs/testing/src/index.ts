export * from './api-client';
// The process runner moved to libs/process (npm start uses it); tests keep importing it from here.
export * from '@finstack/process';
export * from './databases';
export * from './ports';
export * from './stack';
export * from './jwt';
export * from './tcp-service-under-test';
export * from './database-test-app';
export * from './prometheus';
export * from './write-load';
export * from './contract';
export * from './fake-finnhub';
export * from './mailbox';
export * from './call-tokens';
export * from './raw-tcp-call';
