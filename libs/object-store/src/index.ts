export { createObjectStoreClient, ensureBucket, isNotFound, isNotModified } from './client';
export type { ObjectStoreClientOptions } from './client';
export * from './local-s3';
export { localS3Endpoint, objectStoreClientOptions, ObjectStoreEnv } from './object-store-env';
