export * from './limits';
export * from './messages';
export * from './patterns';
export * from './report-query.dto';
export * from './score.dto';
export * from './scored-items';
export * from './views';
