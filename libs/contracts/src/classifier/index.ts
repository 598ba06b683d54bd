export * from './categorize.dto';
export * from './messages';
export * from './patterns';
export * from './rule.dto';
export * from './views';
export * from './classify-items';
