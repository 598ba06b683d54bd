export * from './rest';
export * from './pushes';
export type { components, operations, paths } from './api-schema';
