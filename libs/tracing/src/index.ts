export * from './start-tracing';
export * from './span-links';
