export * from './currencies';
export * from './decimal';
export * from './scaled';
export * from './ratio';
