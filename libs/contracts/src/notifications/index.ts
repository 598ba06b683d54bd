export * from './messages';
export * from './patterns';
export * from './socket-protocol';
