export * from './aggregate.dto';
export * from './categorization.dto';
export * from './category.dto';
export * from './import.dto';
export * from './messages';
export * from './patterns';
export * from './transaction.dto';
export * from './views';
