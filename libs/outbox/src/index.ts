export * from './outbox-events';
export * from './outbox-relay';
export * from './outbox-relay.module';
export * from './outbox-table';
export * from './outbox-purge';
