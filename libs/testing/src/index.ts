export * from './api-client';
export * from './app-process';
export * from './databases';
export * from './ports';
export * from './stack';
export * from './jwt';
export * from './tcp-service-under-test';
export * from './database-test-app';
