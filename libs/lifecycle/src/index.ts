export * from './app-health';
export * from './drain-state';
export * from './drain.interceptor';
export * from './graceful-shutdown';
export * from './http-drain.middleware';
export * from './lifecycle.module';
export * from './ops-listener';
export * from './tcp-connections';
