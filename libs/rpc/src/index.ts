export * from './health-rpc.controller';
export * from './logger';
export * from './rpc-client';
export * from './rpc-client.provider';
export * from './rpc-error';
export * from './rpc-exception.filter';
export * from './tcp-service';
export * from './validation';
