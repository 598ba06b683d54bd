export * from './outbox-events';
export * from './outbox-table';
