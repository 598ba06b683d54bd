export * from './analysis.dto';
export * from './confidence';
export * from './limits';
export * from './market.dto';
export * from './messages';
export * from './patterns';
export * from './portfolio-var.dto';
export * from './views';
