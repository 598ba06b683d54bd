export * from './common-env';
export * from './config.module';
export * from './env-types';
export * from './load-env';
export * from './runtime-env';
export * from './cors-origins';
