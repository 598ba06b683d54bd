export * from './app-metrics';
export * from './error-code';
export * from './http-metrics.middleware';
export * from './metrics.module';
export * from './rpc-metrics.interceptor';
