export { createObjectStoreClient, ensureBucket, isNotFound, isNotModified } from './client';
export type { ObjectStoreClientOptions } from './client';
export * from './local-s3';
