export * from './connections';
export * from './holding.dto';
export * from './messages';
export * from './patterns';
export * from './portfolio-validation';
export * from './quote.dto';
export * from './views';
export * from './watchlist.dto';
